using System.Globalization;
using Hromada.Core.Reports;

namespace Hromada.Bots.Open311;

/// <summary>
/// A report category is an Open311 service: its code is the category's name as stored ("Roads",
/// "WaterSupply"), read in any case; never a number.
/// </summary>
internal static class ServiceCodes
{
    public static string Of(ReportCategory category) => category.ToString();

    public static ReportCategory? Parse(string? code) =>
        Enum.GetValues<ReportCategory>().Cast<ReportCategory?>()
            .FirstOrDefault(category => string.Equals(category.ToString(), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"Roads, Lighting, …": every code, for an error that names a wrong one.</summary>
    public static string List => string.Join(", ", Enum.GetValues<ReportCategory>().Select(Of));

    /// <summary>The Open311 group a dispatch desk files the category under; its name is the text Open311_Group_&lt;group&gt;.</summary>
    public static string GroupOf(ReportCategory category) => category switch
    {
        ReportCategory.Roads or ReportCategory.Lighting or ReportCategory.PublicTransport => "Infrastructure",
        ReportCategory.Waste or ReportCategory.WaterSupply or ReportCategory.Heating => "Utilities",
        ReportCategory.Greenery => "Environment",
        ReportCategory.Vandalism => "PublicOrder",
        _ => "Other",
    };
}

/// <summary>GeoReport v2 knows two statuses: "open" is New, Acknowledged or InProgress; "closed" is Resolved or Rejected.</summary>
internal static class Open311Statuses
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static string Of(ProblemReport report) => report.IsOpen ? Open : Closed;

    /// <summary>The report statuses an Open311 status stands for; null for a name that is neither.</summary>
    public static IReadOnlyList<ReportStatus>? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        Open => [ReportStatus.New, ReportStatus.Acknowledged, ReportStatus.InProgress],
        Closed => [ReportStatus.Resolved, ReportStatus.Rejected],
        _ => null,
    };
}

/// <summary>A service_request_id is the report's number, written as a string as GeoReport v2 has it.</summary>
internal static class ServiceRequestIds
{
    public static string Of(ProblemReport report) => report.Number.ToString(CultureInfo.InvariantCulture);

    public static long? Parse(string? id) =>
        long.TryParse(id?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
