using Hromada.Core.ApiKeys;
using Hromada.Core.Broadcasts;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Ideas;
using Hromada.Core.Events;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Reports;
using Hromada.Core.Residents;
using Hromada.Core.Sweeps;

namespace Hromada.Persistence.Tests;

/// <summary>The behaviour every storage provider must show; inherited once per provider.</summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private Stores? _stores;

    protected IInboxStore Inbox => Opened.Inbox;

    protected IOutboxStore Outbox => Opened.Outbox;

    protected ISessionStore Sessions => Opened.Sessions;

    protected IResidentStore Residents => Opened.Residents;

    protected ICommunityStore Communities => Opened.Communities;

    protected IPollStore Polls => Opened.Polls;

    protected IBallotStore Ballots => Opened.Ballots;

    protected ILinkCodeStore LinkCodes => Opened.LinkCodes;

    protected IIdeaStore Ideas => Opened.Ideas;

    protected IEventStore Events => Opened.Events;

    protected IRsvpStore Rsvps => Opened.Rsvps;

    protected IReportStore Reports => Opened.Reports;

    protected IRoleStore Roles => Opened.Roles;

    protected IAuditStore Audit => Opened.Audit;

    protected ICommunityStatsStore Stats => Opened.Stats;

    protected IApiKeyStore ApiKeys => Opened.ApiKeys;

    protected ISweepStore Sweeps => Opened.Sweeps;

    protected IBroadcastStore Broadcasts => Opened.Broadcasts;

    protected IConversationTurnStore Turns => Opened.Turns;

    private Stores Opened => _stores ?? throw new InvalidOperationException("The stores are opened in InitializeAsync.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens the stores on an empty database of the provider.</summary>
    protected abstract ValueTask<Stores> OpenStoresAsync();

    public async ValueTask InitializeAsync() => _stores = await OpenStoresAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Starts <paramref name="count"/> calls on the thread pool, releases them together and waits for all.</summary>
    private static async Task<T[]> RunConcurrentlyAsync<T>(int count, Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count)
            .Select(async i =>
            {
                await start.Task;
                return await call(i);
            })
            .ToList();
        start.SetResult();
        return await Task.WhenAll(calls);
    }

    protected sealed record Stores(
        IInboxStore Inbox,
        IOutboxStore Outbox,
        ISessionStore Sessions,
        IResidentStore Residents,
        ICommunityStore Communities,
        IPollStore Polls,
        IBallotStore Ballots,
        ILinkCodeStore LinkCodes,
        IIdeaStore Ideas,
        IEventStore Events,
        IRsvpStore Rsvps,
        IReportStore Reports,
        IRoleStore Roles,
        IAuditStore Audit,
        ICommunityStatsStore Stats,
        IApiKeyStore ApiKeys,
        ISweepStore Sweeps,
        IBroadcastStore Broadcasts,
        IConversationTurnStore Turns);
}
