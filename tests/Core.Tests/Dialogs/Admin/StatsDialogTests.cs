using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

public sealed class StatsDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Stats_ModeratorOfOneCommunity_ShowsItsFiguresOnly()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "mykola", "Микола");
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        await OnboardingDialogTests.OnboardAsync(bot, "lev", "Лев", "lviv");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        var now = _time.GetUtcNow();
        await bot.SeedAsync(PollFixtures.Open(now, "open"));
        await bot.SeedAsync(PollFixtures.Open(now, "closed") with { Status = PollStatus.Closed });
        await bot.SeedAsync(PollFixtures.Open(now, "proposed") with { Status = PollStatus.Proposed });
        await bot.SeedAsync(PollFixtures.Open(now, "lviv", "lviv"));
        await bot.Services<IBallotStore>().CastAsync("open", await bot.IdOfAsync("olena"), [0], now, CancellationToken.None);

        var reply = Assert.Single(await bot.SayAsync("mykola", "/stats"));

        Assert.StartsWith(Text("Stats_Title", "Кам'янське"), reply.Text);
        Assert.Contains(Text("Stats_Residents", 2, 0), reply.Text);
        Assert.Contains($"• {Text("Stats_StatusRegistered")}: 2", reply.Text);
        Assert.Contains("• Кам'янське: 2", reply.Text);
        Assert.DoesNotContain("Львів", reply.Text);
        Assert.EndsWith(Text("Stats_Polls", 1, 1, 1, 1), reply.Text);
        Assert.Null((await bot.SessionAsync("mykola"))!.Dialog);
    }

    [Fact]
    public async Task Stats_SuperAdmin_ShowsAllCommunities()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, SuperAdmin, "Адмін");
        await OnboardingDialogTests.OnboardAsync(bot, "lev", "Лев", "lviv");

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "/stats"));

        Assert.StartsWith(Text("Stats_Title", Text("Stats_AllCommunities")), reply.Text);
        Assert.Contains("• Львів: 1", reply.Text);
        Assert.Contains(Text("Stats_Residents", 2, 0), reply.Text);
    }

    [Fact]
    public async Task Stats_NotAModerator_RefusedAndAudited()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");

        var reply = Assert.Single(await bot.SayAsync("olena", "/stats"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Equal("command:/stats", Assert.Single(await bot.AuditAsync()).Target);
    }
}
