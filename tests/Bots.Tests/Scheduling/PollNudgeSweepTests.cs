using Hromada.Bots.Tests.Api;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Sweeps;

namespace Hromada.Bots.Tests.Scheduling;

/// <summary>The reminder before closing, run at a fake time: to registered, reachable non-voters of the poll's community, once.</summary>
public sealed class PollNudgeSweepTests : IAsyncDisposable
{
    private readonly ApiHost _host = ApiHost.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_WithinTheLeadTime_RemindsRegisteredReachableNonVotersOnce()
    {
        var poll = await _host.PollAsync("p1", closesIn: TimeSpan.FromHours(20));
        var voter = await _host.ResidentAsync("voter");
        var silent = await _host.ResidentAsync("silent");
        var english = await _host.ResidentAsync("english", language: Language.En);
        var unreachable = await _host.ResidentAsync("unreachable", reachable: false);
        var unregistered = await _host.ResidentAsync("unregistered", registered: false);
        var elsewhere = await _host.ResidentAsync("elsewhere", communityId: "lviv");
        await _host.VoteAsync(poll, voter, 1);

        await Runner().RunAsync(PollNudgeSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(10));
        await Runner().RunAsync(PollNudgeSweep.Name, Ct);

        var reminder = Assert.Single(await _host.MessagesToAsync(silent));
        Assert.Equal(Texts.Get(Language.Uk, "Polls_Nudge", poll.Question, KyivTime.Format(poll.ClosesAt!.Value)), reminder.Reply.Text);
        Assert.Equal("/polls", Assert.Single(Assert.Single(reminder.Reply.Buttons)).Data);
        var inEnglish = Assert.Single(await _host.MessagesToAsync(english));
        Assert.Equal(Texts.Get(Language.En, "Polls_Nudge", poll.Question, KyivTime.Format(poll.ClosesAt!.Value)), inEnglish.Reply.Text);
        Assert.Empty(await _host.MessagesToAsync(voter));
        Assert.Empty(await _host.MessagesToAsync(unreachable));
        Assert.Empty(await _host.MessagesToAsync(unregistered));
        Assert.Empty(await _host.MessagesToAsync(elsewhere));
    }

    [Fact]
    public async Task RunAsync_NationalPoll_RemindsNonVotersOfEveryCommunity()
    {
        await _host.PollAsync("national", communityId: "ukraine", closesIn: TimeSpan.FromHours(20));
        var kamianske = await _host.ResidentAsync("kamianske");
        var lviv = await _host.ResidentAsync("lviv", communityId: "lviv");

        await Runner().RunAsync(PollNudgeSweep.Name, Ct);

        Assert.Single(await _host.MessagesToAsync(kamianske));
        Assert.Single(await _host.MessagesToAsync(lviv));
    }

    [Fact]
    public async Task RunAsync_BeforeTheLeadTime_WaitsUntilItComes()
    {
        await _host.PollAsync("p1", closesIn: TimeSpan.FromDays(3));
        var silent = await _host.ResidentAsync("silent");

        await Runner().RunAsync(PollNudgeSweep.Name, Ct);
        var before = await _host.MessagesToAsync(silent);
        _host.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await Runner().RunAsync(PollNudgeSweep.Name, Ct);

        Assert.Empty(before);
        Assert.Single(await _host.MessagesToAsync(silent));
    }

    [Fact]
    public async Task RunAsync_PollOpenForLessThanTheLeadTime_SendsNoReminder()
    {
        await _host.PollAsync("short", closesIn: TimeSpan.FromHours(20), openedAgo: TimeSpan.FromHours(2));
        var silent = await _host.ResidentAsync("silent");

        await Runner().RunAsync(PollNudgeSweep.Name, Ct);

        Assert.Empty(await _host.MessagesToAsync(silent));
        Assert.True(await _host.Get<ISweepStore>().IsDoneAsync(PollNudgeSweep.Name, "short", Ct));
    }

    [Fact]
    public async Task RunAsync_ClosedOrProposedPoll_SendsNoReminder()
    {
        await _host.PollAsync("closed", closesIn: TimeSpan.FromHours(20), status: PollStatus.Closed);
        await _host.PollAsync("proposed", closesIn: TimeSpan.FromHours(20), status: PollStatus.Proposed);
        var silent = await _host.ResidentAsync("silent");

        await Runner().RunAsync(PollNudgeSweep.Name, Ct);

        Assert.Empty(await _host.MessagesToAsync(silent));
    }

    /// <summary>More residents than one page of the store and one batch of the outbox.</summary>
    [Fact]
    public async Task RunAsync_ManyResidents_RemindsEachNonVoterExactlyOnce()
    {
        var poll = await _host.PollAsync("p1", closesIn: TimeSpan.FromHours(20));
        var residents = new List<Core.Residents.Resident>();
        for (var i = 0; i < 1100; i++)
        {
            residents.Add(await _host.ResidentAsync($"resident{i:D4}"));
        }

        var voters = residents.Where((_, i) => i % 3 == 0).ToHashSet();
        foreach (var voter in voters)
        {
            await _host.VoteAsync(poll, voter, 0);
        }

        var handled = await Runner().RunAsync(PollNudgeSweep.Name, Ct);
        await Runner().RunAsync(PollNudgeSweep.Name, Ct);

        Assert.True(handled);
        foreach (var resident in residents)
        {
            Assert.Equal(voters.Contains(resident) ? 0 : 1, (await _host.MessagesToAsync(resident)).Count);
        }
    }

    private SweepRunner Runner() => _host.Get<SweepRunner>();
}
