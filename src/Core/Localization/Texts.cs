using System.Globalization;
using System.Resources;

namespace Hromada.Core.Localization;

/// <summary>
/// Every bot text, from Texts.resx (Ukrainian, the neutral language) and Texts.en.resx (English).
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("Hromada.Core.Localization.Texts", typeof(Texts).Assembly);
    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static CultureInfo Culture(Language language) => language == Language.En ? English : Ukrainian;

    /// <summary>The text for <paramref name="key"/>; a missing key is a bug, so it throws.</summary>
    public static string Get(Language language, string key, params object?[] args)
    {
        var culture = Culture(language);
        var text = Resources.GetString(key, culture)
            ?? throw new KeyNotFoundException($"No text resource '{key}'.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>All keys of the neutral (Ukrainian) resources; tests check English has each too.</summary>
    internal static IEnumerable<string> Keys(Language language) =>
        Resources.GetResourceSet(Culture(language), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .Select(entry => (string)entry.Key);
}
