using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;

namespace Hromada.Core.Reports;

/// <summary>How a report's parts read to a resident, in their language.</summary>
public static class ReportNames
{
    public static string Category(Language language, ReportCategory category) => Texts.Get(language, $"ReportCategory_{category}");

    public static string Status(Language language, ReportStatus status) => Texts.Get(language, $"ReportStatus_{status}");

    /// <summary>"⭐⭐⭐" for 3: the rating buttons read the same in every language.</summary>
    public static string Stars(int stars) => string.Concat(Enumerable.Repeat("⭐", stars));

    /// <summary>A shared point as "48.51670, 34.61670": about a metre's precision, invariant digits.</summary>
    public static string Point(GeoPoint point) =>
        string.Create(CultureInfo.InvariantCulture, $"{point.Latitude:F5}, {point.Longitude:F5}");

    /// <summary>The typed address, or the shared point, or both.</summary>
    public static string Place(ProblemReport report) =>
        string.Join(" · ", new[] { report.Address, report.Location is { } point ? Point(point) : null }.OfType<string>());
}
