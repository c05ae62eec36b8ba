using System.Globalization;

namespace Hromada.Bots.Open311;

/// <summary>How GeoReport v2's text parameters are read: blank is absent, lists are comma separated, numbers invariant.</summary>
internal static class Open311Values
{
    public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The non-blank parts of "a,b,c"; a parameter sent twice arrives joined by a comma too.</summary>
    public static string[] Parts(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
