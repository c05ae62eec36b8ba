using System.Globalization;
using System.Text.RegularExpressions;
using Hromada.Core.Localization;

namespace Hromada.Bots.Open311;

/// <summary>
/// GeoReport v2 dates: the W3C profile of ISO 8601 with the time and its zone ("2026-11-23T11:00:00+02:00"
/// or "…Z"). Hromada writes them in Kyiv time with Kyiv's offset, and reads any offset; a time without
/// a zone is refused, since it could mean any of several instants.
/// </summary>
internal static partial class W3cDate
{
    public const string Example = "2026-11-23T11:00:00+02:00";

    public static string Format(DateTimeOffset time) =>
        KyivTime.ToKyiv(time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        text is not null && Pattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Pattern();
}
