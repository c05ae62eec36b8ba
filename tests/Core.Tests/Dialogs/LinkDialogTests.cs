using System.Text.RegularExpressions;
using Hromada.Core.Conversations;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs;

public sealed partial class LinkDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Link_CodeSentFromOtherApp_JoinsBothIdentitiesIntoOneResident()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        var code = await CodeAsync(bot, "olena");

        var joined = await bot.SendAsync(Message("777", $"/link {code}", channel: ChannelKind.Telegram));

        Assert.Equal(Text("Link_Joined", "Олена"), Assert.Single(joined).Text);
        var viaTelegram = await bot.ResidentAsync("777", ChannelKind.Telegram);
        var viaDev = await bot.ResidentAsync("olena");
        Assert.Equal(viaDev!.Id, viaTelegram!.Id);
        Assert.Equal(2, viaTelegram.Identities.Count);
    }

    [Fact]
    public async Task Link_AskedForCodeThenTyped_Joins()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        var code = await CodeAsync(bot, "olena");

        var asked = await bot.SendAsync(Message("777", "/link", channel: ChannelKind.Telegram));
        await bot.SendAsync(Message("777", code, channel: ChannelKind.Telegram));

        Assert.Equal(Text("Link_AskCode"), Assert.Single(asked).Text);
        Assert.Equal((await bot.ResidentAsync("olena"))!.Id, (await bot.ResidentAsync("777", ChannelKind.Telegram))!.Id);
    }

    [Fact]
    public async Task Link_OtherAppRegisteredSeparately_ItsOwnProfileGivesWay()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        await OnboardingDialogTests.OnboardAsync(bot, "second", "Друга");
        var separate = await bot.ResidentAsync("second");
        var code = await CodeAsync(bot, "olena");

        await bot.SayAsync("second", $"/link {code}");

        Assert.Null(await bot.Residents.GetAsync(separate!.Id, CancellationToken.None));
        Assert.Equal("Олена", (await bot.ResidentAsync("second"))!.Name);
    }

    [Fact]
    public async Task Link_CodeUsedTwice_SecondIsRefused()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        var code = await CodeAsync(bot, "olena");
        await bot.SendAsync(Message("777", $"/link {code}", channel: ChannelKind.Telegram));

        var second = await bot.SendAsync(Message("888", $"/link {code}", channel: ChannelKind.Viber));

        Assert.Equal(Text("Link_CodeInvalid"), Assert.Single(second).Text);
        Assert.Null(await bot.ResidentAsync("888", ChannelKind.Viber));
    }

    [Fact]
    public async Task Link_CodeExpired_Refused()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        var code = await CodeAsync(bot, "olena");

        _time.Advance(TimeSpan.FromMinutes(11));
        var late = await bot.SendAsync(Message("777", $"/link {code}", channel: ChannelKind.Telegram));

        Assert.Equal(Text("Link_CodeInvalid"), Assert.Single(late).Text);
    }

    [Fact]
    public async Task Link_SameAppAgain_SaysAlreadyLinked()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        var code = await CodeAsync(bot, "olena");

        var replies = await bot.SayAsync("olena", $"/link {code}");

        Assert.Equal(Text("Link_AlreadyLinked"), Assert.Single(replies).Text);
        Assert.Single((await bot.ResidentAsync("olena"))!.Identities);
    }

    private static async Task<string> CodeAsync(EngineHarness bot, string user)
    {
        var shown = Assert.Single(await bot.SayAsync(user, "/link"));
        return CodePattern().Match(shown.Text).Value;
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex CodePattern();
}
