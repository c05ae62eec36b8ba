using System.Globalization;
using System.Text.RegularExpressions;

namespace Hromada.Bots.Api;

/// <summary>
/// Times as the API reads them: ISO 8601 with an offset or Z, never a bare local
/// time, which the server would read in its own zone; the fields are strings, so a wrong one is a
/// validation error naming the field rather than an unreadable body. Times are stored in UTC.
/// </summary>
internal static partial class IsoTime
{
    public const string Expected = "An ISO 8601 time with its offset, such as 2026-11-30T18:00:00+02:00 or 2026-11-30T16:00:00Z";

    /// <summary>The moment in UTC, or null when the text is not a full ISO 8601 time with an offset.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null || !Shape().IsMatch(text))
        {
            return null;
        }

        // An offset's '+' left unencoded in a query string arrives as a space.
        return DateTimeOffset.TryParse(text.Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime()
            : null;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+\- ][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
