using Hromada.Bots.Tests.Api;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hromada.Bots.Tests.Scheduling;

/// <summary>Closing at the deadline, run at a fake time on the real host and store: once, under the lease, across restarts.</summary>
public sealed class PollClosingSweepTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private Poll _poll = null!;
    private Resident _olena = null!;
    private Resident _taras = null!;
    private Resident _iryna = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = ApiHost.Start();
        _poll = await _host.PollAsync("p1", closesIn: TimeSpan.FromHours(1));
        _olena = await _host.ResidentAsync("olena");
        _taras = await _host.ResidentAsync("taras", language: Language.En);
        _iryna = await _host.ResidentAsync("iryna");
        await _host.VoteAsync(_poll, _olena, 0);
        await _host.VoteAsync(_poll, _taras, 1);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_PastTheDeadline_StoresClosedAndSendsEachVoterTheTotalsOnce()
    {
        _host.Clock.Advance(TimeSpan.FromHours(2));

        var ran = await Runner().RunAsync(PollClosingSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var ranAgain = await Runner().RunAsync(PollClosingSweep.Name, Ct);

        Assert.True(ran && ranAgain);
        Assert.Equal(PollStatus.Closed, (await _host.Get<IPollStore>().GetAsync("p1", Ct))?.Status);
        var toOlena = Assert.Single(await _host.MessagesToAsync(_olena));
        var toTaras = Assert.Single(await _host.MessagesToAsync(_taras));
        Assert.Empty(await _host.MessagesToAsync(_iryna));
        var tally = new PollTally([1, 1, 0], 2);
        Assert.Equal(Texts.Get(Language.Uk, "Polls_ClosedResults", _poll.Question, PollMessages.Results(Language.Uk, _poll, tally)), toOlena.Reply.Text);
        Assert.Equal(Texts.Get(Language.En, "Polls_ClosedResults", _poll.Question, PollMessages.Results(Language.En, _poll, tally)), toTaras.Reply.Text);
        Assert.Contains("Так\n█████░░░░░ 50% (1)", toOlena.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(OutboxPriority.Broadcast, toOlena.Priority);
    }

    [Fact]
    public async Task RunAsync_BeforeTheDeadline_ClosesNothing()
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(59));

        await Runner().RunAsync(PollClosingSweep.Name, Ct);

        Assert.Equal(PollStatus.Open, (await _host.Get<IPollStore>().GetAsync("p1", Ct))?.Status);
        Assert.Empty(await _host.MessagesToAsync(_olena));
    }

    [Fact]
    public async Task RunAsync_RestartBetweenDueTimeAndRun_SendsTheResultsAfterTheRestart()
    {
        _host.Clock.Advance(TimeSpan.FromHours(2));

        await _host.Host.RestartAsync();
        await Runner().RunAsync(PollClosingSweep.Name, Ct);

        Assert.Equal(PollStatus.Closed, (await _host.Get<IPollStore>().GetAsync("p1", Ct))?.Status);
        Assert.Single(await _host.MessagesToAsync(_olena));
        Assert.Single(await _host.MessagesToAsync(_taras));
    }

    /// <summary>A run that died after queueing one voter's results, before it stored the poll closed.</summary>
    [Fact]
    public async Task RunAsync_EarlierRunCutShort_FinishesWithoutRepeats()
    {
        _host.Clock.Advance(TimeSpan.FromHours(2));
        await _host.Get<ResidentNotifier>().NotifyAllAsync(
            [_olena], PollResultsNotice.NotificationKey("p1"), _ => new OutboundReply("results"), OutboxPriority.Broadcast, Ct);

        await Runner().RunAsync(PollClosingSweep.Name, Ct);

        Assert.Single(await _host.MessagesToAsync(_olena));
        Assert.Single(await _host.MessagesToAsync(_taras));
        Assert.Equal(PollStatus.Closed, (await _host.Get<IPollStore>().GetAsync("p1", Ct))?.Status);
    }

    [Fact]
    public async Task RunAsync_TwoInstancesAtOnce_SendEachVoterTheResultsOnce()
    {
        _host.Clock.Advance(TimeSpan.FromHours(2));
        var first = InstanceRunner();
        var second = InstanceRunner();

        await Task.WhenAll(
            Task.Run(() => first.RunAsync(PollClosingSweep.Name, Ct), Ct),
            Task.Run(() => second.RunAsync(PollClosingSweep.Name, Ct), Ct));

        Assert.Single(await _host.MessagesToAsync(_olena));
        Assert.Single(await _host.MessagesToAsync(_taras));
    }

    [Fact]
    public async Task RunAsync_SweepRunningElsewhere_SkipsItUntilTheLeaseIsReleased()
    {
        var gate = new GateSweep();
        var first = InstanceRunner(gate);
        var second = InstanceRunner(gate);

        var running = first.RunAsync(GateSweep.Name, Ct);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var whileRunning = await second.RunAsync(GateSweep.Name, Ct);
        gate.Release.SetResult();
        var firstRan = await running;
        var afterwards = await second.RunAsync(GateSweep.Name, Ct);

        Assert.False(whileRunning);
        Assert.True(firstRan);
        Assert.True(afterwards);
        Assert.Equal(2, gate.Runs);
    }

    [Fact]
    public async Task RunAsync_InstanceDiedHoldingTheLease_AnotherRunsOnceTheLeaseEnds()
    {
        var options = _host.Get<SchedulingOptions>();
        var now = _host.Clock.GetUtcNow();
        await _host.Get<ISweepStore>().TryAcquireLeaseAsync(PollClosingSweep.Name, "dead-instance", now, now + options.Lease, Ct);
        _host.Clock.Advance(TimeSpan.FromHours(2));

        var ran = await Runner().RunAsync(PollClosingSweep.Name, Ct);

        Assert.True(options.Lease < TimeSpan.FromHours(2));
        Assert.True(ran);
        Assert.Single(await _host.MessagesToAsync(_olena));
    }

    private SweepRunner Runner() => _host.Get<SweepRunner>();

    /// <summary>A runner as another host instance has: its own holder name, the same store.</summary>
    private SweepRunner InstanceRunner(GateSweep? gate = null)
    {
        var registrations = gate is null
            ? _host.Host.Services.GetServices<SweepRegistration>()
            : [new SweepRegistration(GateSweep.Name, typeof(GateSweep))];
        var services = gate is null ? _host.Host.Services : new ServiceCollection().AddSingleton(gate).BuildServiceProvider();
        return new SweepRunner(
            registrations, services, _host.Get<ISweepStore>(), _host.Clock, _host.Get<SchedulingOptions>(), NullLogger<SweepRunner>.Instance);
    }

    /// <summary>A sweep that holds its run open until the test lets it finish.</summary>
    private sealed class GateSweep : ISweep
    {
        public const string Name = "Gate";
        private int _runs;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => _runs;

        public TimeSpan DefaultInterval => TimeSpan.FromMinutes(1);

        public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _runs) == 1)
            {
                Entered.SetResult();
                await Release.Task;
            }

            return 0;
        }
    }
}
