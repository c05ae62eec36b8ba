namespace Hromada.Core.Localization;

/// <summary>The languages every bot text exists in; Ukrainian is the residents' first language.</summary>
public enum Language
{
    Uk,
    En,
}

public static class Languages
{
    /// <summary>English for an English app, Ukrainian for everything else (including no code at all).</summary>
    public static Language FromPlatformCode(string? code) =>
        code is not null && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Uk;
}
