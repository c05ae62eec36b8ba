using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Admin.ClosePoll;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

public sealed class ClosePollDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ClosePoll_Confirmed_ClosesSendsResultsToEachVoterOnceAndAudits()
    {
        await using var bot = await StartAsync("mykola", "olena", "taras");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        var poll = await bot.SeedAsync(PollFixtures.Open(_time.GetUtcNow()));
        await VoteAsync(bot, poll, "olena", 0);
        await VoteAsync(bot, poll, "taras", 1);

        var list = Assert.Single(await bot.SayAsync("mykola", "/closepoll"));
        var confirm = Assert.Single(await bot.PressAsync("mykola", ClosePollDialog.PollPrefix + poll.Id));
        var done = Assert.Single(await bot.PressAsync("mykola", "confirm"));

        Assert.Equal(Text("ClosePoll_List"), list.Text);
        Assert.Equal([ClosePollDialog.PollPrefix + poll.Id], list.AllButtons().Select(button => button.Data));
        Assert.EndsWith(Text("ClosePoll_Confirm", "", 2).Split("\n\n")[^1], confirm.Text);
        Assert.Contains(PollFixtures.Question, confirm.Text);
        Assert.Equal(Text("ClosePoll_Done", 2), done.Text);
        var closed = await bot.Services<IPollStore>().GetAsync(poll.Id, CancellationToken.None);
        Assert.Equal((PollStatus.Closed, _time.GetUtcNow()), (closed!.Status, closed.ClosesAt));
        var results = Assert.Single(await bot.NewRepliesAsync("olena"));
        Assert.StartsWith(Text("Polls_ClosedResults", PollFixtures.Question, "").TrimEnd(), results.Text);
        Assert.Contains(Text("Polls_Results", 2), results.Text);
        Assert.Contains("Так\n█████░░░░░ 50% (1)", results.Text);
        Assert.Single(await bot.NewRepliesAsync("taras"));
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.PollClosed, $"poll:{poll.Id}", "kamianske"), (audited.Action, audited.Target, audited.CommunityId));
        Assert.Contains("\"status\":\"open\"", audited.Before);
        Assert.Contains("\"status\":\"closed\"", audited.After);

        await bot.Services<PollResultsNotice>().SendAsync(closed!, CancellationToken.None);

        Assert.Empty(await bot.NewRepliesAsync("olena"));
    }

    [Fact]
    public async Task ClosePoll_ModeratorOfOneCommunity_ListsOnlyItsPollsAndRefusesAnotherOne()
    {
        await using var bot = await StartAsync("mykola");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await bot.SeedAsync(PollFixtures.Open(_time.GetUtcNow(), "ours"));
        await bot.SeedAsync(PollFixtures.Open(_time.GetUtcNow(), "theirs", "lviv"));

        var list = Assert.Single(await bot.SayAsync("mykola", "/closepoll"));
        var crafted = Assert.Single(await bot.PressAsync("mykola", ClosePollDialog.PollPrefix + "theirs"));

        Assert.Equal([ClosePollDialog.PollPrefix + "ours"], list.AllButtons().Select(button => button.Data));
        Assert.StartsWith(Text("Problem_PollUnavailable"), crafted.Text);
        Assert.Equal(PollStatus.Open, (await bot.Services<IPollStore>().GetAsync("theirs", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CloseAsync_ModeratorOfAnotherCommunity_RefusedAndAudited()
    {
        await using var bot = await StartAsync("mykola");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await bot.SeedAsync(PollFixtures.Open(_time.GetUtcNow(), "theirs", "lviv"));
        var mykola = await bot.ResidentAsync("mykola");
        var scope = await bot.Services<ModerationAccess>().ScopeOfAsync(mykola!.Identities[0].Key, mykola, CancellationToken.None);

        var outcome = await bot.Services<PollModeration>().CloseAsync(scope, "theirs", _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(ModerationOutcome.Refused, outcome);
        Assert.Equal(PollStatus.Open, (await bot.Services<IPollStore>().GetAsync("theirs", CancellationToken.None))!.Status);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, $"command:{PollModeration.CloseAttempt}", "lviv"), (audited.Action, audited.Target, audited.CommunityId));
    }

    [Fact]
    public async Task ClosePoll_NotAModerator_RefusedAndAudited()
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(_time.GetUtcNow()));

        var reply = Assert.Single(await bot.SayAsync("olena", "/closepoll"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Equal("command:/closepoll", Assert.Single(await bot.AuditAsync()).Target);
    }

    [Fact]
    public async Task ClosePoll_NothingOpen_SaysSoAndEnds()
    {
        await using var bot = await StartAsync(SuperAdmin);

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "/closepoll"));

        Assert.Equal(Text("ClosePoll_None"), reply.Text);
        Assert.Null((await bot.SessionAsync(SuperAdmin))!.Dialog);
    }

    [Fact]
    public async Task Cancel_AtConfirmation_LeavesThePollOpen()
    {
        await using var bot = await StartAsync(SuperAdmin);
        var poll = await bot.SeedAsync(PollFixtures.Open(_time.GetUtcNow()));
        await bot.SayAsync(SuperAdmin, "/closepoll");
        await bot.PressAsync(SuperAdmin, ClosePollDialog.PollPrefix + poll.Id);

        var reply = Assert.Single(await bot.PressAsync(SuperAdmin, "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Equal(PollStatus.Open, (await bot.Services<IPollStore>().GetAsync(poll.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task TextReceived_AtThePollList_RepromptsAndStays()
    {
        await using var bot = await StartAsync(SuperAdmin);
        await bot.SeedAsync(PollFixtures.Open(_time.GetUtcNow()));
        await bot.SayAsync(SuperAdmin, "/closepoll");

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "перше"));

        Assert.Equal($"{Text("Problem_UnexpectedInput")}\n\n{Text("ClosePoll_List")}", reply.Text);
        Assert.Equal(nameof(ClosePollState.AwaitingPoll), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    private static async Task VoteAsync(EngineHarness bot, Poll poll, string user, int option) =>
        await bot.Services<IBallotStore>().CastAsync(poll.Id, await bot.IdOfAsync(user), [option], DateTimeOffset.UnixEpoch, CancellationToken.None);

    private async Task<EngineHarness> StartAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, "Олена");
            await bot.NewRepliesAsync(user, ChannelKind.Dev);
        }

        return bot;
    }
}
