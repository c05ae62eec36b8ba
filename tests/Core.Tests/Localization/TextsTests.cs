using System.Text.RegularExpressions;
using Hromada.Core.Localization;

namespace Hromada.Core.Tests.Localization;

public sealed partial class TextsTests
{
    public static TheoryData<string> UkrainianKeys => [.. Texts.Keys(Language.Uk)];

    [Theory]
    [MemberData(nameof(UkrainianKeys))]
    public void Get_EveryKey_ExistsInBothLanguagesWithTheSamePlaceholders(string key)
    {
        var ukrainian = Texts.Get(Language.Uk, key);
        var english = Texts.Get(Language.En, key);

        Assert.False(string.IsNullOrWhiteSpace(ukrainian));
        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.Contains(key, Texts.Keys(Language.En));
        Assert.Equal(Placeholders(ukrainian), Placeholders(english));
    }

    [Fact]
    public void Keys_English_HasNoKeyUkrainianLacks()
    {
        var ukrainian = Texts.Keys(Language.Uk).ToHashSet();

        Assert.DoesNotContain(Texts.Keys(Language.En), key => !ukrainian.Contains(key));
    }

    [Theory]
    [InlineData("uk", Language.Uk)]
    [InlineData("uk-UA", Language.Uk)]
    [InlineData("en", Language.En)]
    [InlineData("en-US", Language.En)]
    [InlineData("pl", Language.Uk)]
    [InlineData(null, Language.Uk)]
    public void FromPlatformCode_Code_PicksLanguage(string? code, Language expected) =>
        Assert.Equal(expected, Languages.FromPlatformCode(code));

    [Fact]
    public void Get_MissingKey_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => Texts.Get(Language.Uk, "No_Such_Text"));

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(match => match.Value).Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
