using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Outbox;

/// <summary>
/// A send that outlasts its lease: the next claim finds the message due again and hands it back
/// while it is still being sent. Taking it then renews the lease of a message held; but when the
/// claim's answer arrives after the "sent" mark was recorded and the message let go, taking it
/// would send it again. On a loaded machine that interleaving happens now and then (found by
/// BroadcastCrashTests); here <see cref="LateClaims"/> makes it happen every time.
/// </summary>
public sealed class OutboxClaimRaceTests
{
    private const string Slow = "slow";
    private const string Later = "later";
    private const string Chat = "601";

    /// <summary>
    /// The send outlasts the lease by two of the dispatcher's once-a-second looks at the store, so a
    /// claim finds the message due while it is sent; and ends well inside the lease that claim gives,
    /// so the dispatcher would still send what the claim hands back.
    /// </summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan SendTime = TimeSpan.FromSeconds(6);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Claim_AnsweredAfterAMessageItHandsBackWasSent_DoesNotSendItAgain()
    {
        var platform = new ScriptedSender(ChannelKind.Telegram);
        platform.Script(Slow, () =>
        {
            Thread.Sleep(SendTime);
            return new DeliveryResult.Delivered("1");
        });
        await using var host = TestHost.Start(
            services =>
            {
                services.AddSingleton<IChannelSender>(platform);
                LateClaims.Wrap(services, Slow);
            },
            ("Outbox:Lease", Lease.ToString()));
        await QueueAsync(host, Slow);
        await host.Services.GetRequiredService<LateClaims>().HandedBackAfterSent.WaitAsync(TimeSpan.FromSeconds(20), Cancellation);

        // A later message to the chat goes after anything the late claim put in the chat's lane.
        await QueueAsync(host, Later);

        await Eventually.ResultAsync(
            () => host.Services.GetRequiredService<IOutboxStore>().ListForChatAsync(ChannelKind.Telegram, Chat, 0, Cancellation),
            messages => messages.Count == 2 && messages.All(message => message.Status == OutboxStatus.Sent));
        Assert.Equal([Slow, Later], platform.Calls.Select(call => call.IdempotencyKey));
    }

    private static async Task QueueAsync(TestHost host, string key)
    {
        await host.Services.GetRequiredService<IOutboxStore>().AddAsync(
            [new OutboxMessage(0, key, ChannelKind.Telegram, Chat, new OutboundReply($"text {key}"), OutboxStatus.Pending, DateTimeOffset.UtcNow)],
            Cancellation);
        host.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    /// <summary>
    /// The host's own outbox store, except that a claim handing back the watched message a second
    /// time answers only once the store shows it sent, and a moment later: timing injected, nothing faked.
    /// </summary>
    private sealed class LateClaims(IOutboxStore store, string watchedKey) : IOutboxStore
    {
        /// <summary>Enough for the dispatcher to have recorded the outcome it committed and let go of the message.</summary>
        private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(200);

        private readonly TaskCompletionSource _handedBack = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _claimsOfWatched;

        /// <summary>Completes once a claim handed the watched message back after it was recorded as sent.</summary>
        public Task HandedBackAfterSent => _handedBack.Task;

        /// <summary>Puts this in front of the store the host registered.</summary>
        public static void Wrap(IServiceCollection services, string watchedKey)
        {
            var registered = services.Last(service => service.ServiceType == typeof(IOutboxStore));
            services.Remove(registered);
            services.AddSingleton(provider => new LateClaims((IOutboxStore)registered.ImplementationFactory!(provider), watchedKey));
            services.AddSingleton<IOutboxStore>(provider => provider.GetRequiredService<LateClaims>());
        }

        public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
            DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
        {
            var claimed = await store.ClaimDueAsync(now, lease, limit, cancellationToken);
            if (claimed.FirstOrDefault(message => message.IdempotencyKey == watchedKey) is { } watched
                && Interlocked.Increment(ref _claimsOfWatched) > 1)
            {
                await Eventually.ResultAsync(
                    () => store.GetAsync(watched.Id, cancellationToken),
                    stored => stored?.Status == OutboxStatus.Sent,
                    TimeSpan.FromSeconds(20));
                await Task.Delay(Moment, cancellationToken);
                _handedBack.TrySetResult();
            }

            return claimed;
        }

        public Task AddAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
            store.AddAsync(messages, cancellationToken);

        public Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
            store.MarkSentAsync(id, platformMessageId, sentAt, cancellationToken);

        public Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken) =>
            store.MarkFailedAsync(id, reason, cancellationToken);

        public Task RetryLaterAsync(long id, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
            store.RetryLaterAsync(id, notBefore, reason, cancellationToken);

        public Task<int> DropPendingAsync(ChannelKind channel, string chatId, string reason, CancellationToken cancellationToken) =>
            store.DropPendingAsync(channel, chatId, reason, cancellationToken);

        public Task<int> DropPendingByKeyPrefixAsync(string keyPrefix, string reason, CancellationToken cancellationToken) =>
            store.DropPendingByKeyPrefixAsync(keyPrefix, reason, cancellationToken);

        public Task<IReadOnlyDictionary<OutboxStatus, int>> CountByKeyPrefixAsync(string keyPrefix, CancellationToken cancellationToken) =>
            store.CountByKeyPrefixAsync(keyPrefix, cancellationToken);

        public Task RecordReceiptAsync(
            ChannelKind channel, string platformMessageId, DeliveryReceipt receipt, DateTimeOffset at, CancellationToken cancellationToken) =>
            store.RecordReceiptAsync(channel, platformMessageId, receipt, at, cancellationToken);

        public Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

        public Task<IReadOnlyList<OutboxMessage>> ListForChatAsync(
            ChannelKind channel, string chatId, long afterId, CancellationToken cancellationToken) =>
            store.ListForChatAsync(channel, chatId, afterId, cancellationToken);
    }
}
