using System.Runtime.CompilerServices;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Broadcasts;

/// <summary>
/// Fans a confirmed broadcast out into the outbox: the audience is read page by page and each page's
/// messages are written in one <see cref="IOutboxStore.AddAsync"/> call, so 100,000 recipients are
/// 200 reads and 200 writes, never one list in memory nor one transaction per resident. Every message
/// has the key "broadcast:{id}:{residentId}", so queueing again after a crash or a rerun sends nothing twice;
/// inside a recipient's quiet hours the message waits (NotBefore) until they end.
/// </summary>
public sealed partial class BroadcastSender(
    IBroadcastStore broadcasts,
    IResidentStore residents,
    IOutboxStore outbox,
    OutboxSignal signal,
    AuditTrail audit,
    TimeProvider time,
    ILogger<BroadcastSender> logger)
{
    /// <summary>Residents read, and messages written, per store call.</summary>
    public const int PageSize = 500;

    public const string CancelledReason = "broadcast cancelled";

    /// <summary>How many residents of the audience it would reach now (shown in the preview).</summary>
    public async Task<int> CountRecipientsAsync(BroadcastAudience audience, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var page in PagesAsync(audience, cancellationToken))
        {
            count += page.Count(resident => Reachable(resident) is not null);
        }

        return count;
    }

    /// <summary>Queues every broadcast still waiting, such as one whose queueing a restart cut short.</summary>
    public async Task QueueWaitingAsync(CancellationToken cancellationToken)
    {
        foreach (var waiting in await broadcasts.ListByStatusAsync(BroadcastStatus.Queued, cancellationToken))
        {
            await QueueAsync(waiting.Id, cancellationToken);
        }
    }

    /// <summary>
    /// Puts the messages of a Queued broadcast in the outbox and marks it Sending; stops when it is
    /// cancelled meanwhile (checked after every page). Anything else is left as it is.
    /// </summary>
    public async Task QueueAsync(string broadcastId, CancellationToken cancellationToken)
    {
        if (await broadcasts.GetAsync(broadcastId, cancellationToken) is not { Status: BroadcastStatus.Queued } broadcast)
        {
            return;
        }

        var now = time.GetUtcNow();
        var (recipients, unreachable) = (0, 0);
        await foreach (var page in PagesAsync(broadcast.Audience, cancellationToken))
        {
            var messages = new List<OutboxMessage>(page.Count);
            foreach (var resident in page)
            {
                if (Reachable(resident) is { } identity)
                {
                    messages.Add(MessageTo(broadcast, resident, identity, now));
                }
                else
                {
                    unreachable++;
                }
            }

            await outbox.AddAsync(messages, cancellationToken);
            signal.Notify();
            recipients += messages.Count;
            if (await broadcasts.GetAsync(broadcastId, cancellationToken) is not { Status: BroadcastStatus.Queued })
            {
                // Cancelled while queueing: the pages written before the cancel were dropped by it, this one now.
                await outbox.DropPendingByKeyPrefixAsync(broadcast.KeyPrefix, CancelledReason, cancellationToken);
                return;
            }
        }

        await broadcasts.SaveAsync(
            broadcast with { Status = BroadcastStatus.Sending, Recipients = recipients, Unreachable = unreachable }, cancellationToken);
        LogQueued(broadcast.Id, recipients, unreachable);
    }

    /// <summary>Counts the broadcast's messages by outbox status; a Sending broadcast with none pending is marked Done.</summary>
    public async Task<(Broadcast Broadcast, BroadcastProgress Progress)> ProgressAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var counts = await outbox.CountByKeyPrefixAsync(broadcast.KeyPrefix, cancellationToken);
        var progress = new BroadcastProgress(
            counts.GetValueOrDefault(OutboxStatus.Pending),
            counts.GetValueOrDefault(OutboxStatus.Sent),
            counts.GetValueOrDefault(OutboxStatus.Failed),
            (broadcast.Status == BroadcastStatus.Cancelled ? 0 : counts.GetValueOrDefault(OutboxStatus.Dropped)) + broadcast.Unreachable);
        if (broadcast.Status == BroadcastStatus.Sending && progress.Queued == 0)
        {
            broadcast = broadcast with { Status = BroadcastStatus.Done };
            await broadcasts.SaveAsync(broadcast, cancellationToken);
        }

        return (broadcast, progress);
    }

    /// <summary>
    /// Whether the moderator may send to the audience: a super-admin to anyone, a moderator to the
    /// followers of communities they all moderate (never to everyone).
    /// </summary>
    public static bool MayAddress(ModeratorScope scope, BroadcastAudience audience) =>
        scope.IsSuperAdmin || (audience.Communities is { Count: > 0 } communities && communities.All(scope.MayModerate));

    /// <summary>Whether the moderator may follow and cancel the broadcast: its author, or one who may address its audience.</summary>
    public static bool MayManage(ModeratorScope scope, Broadcast broadcast) =>
        broadcast.AuthorResidentId == scope.Actor.AuthorId || MayAddress(scope, broadcast.Audience);

    /// <summary>
    /// Confirms a broadcast (written in /broadcast, or sent to the API): stores it as Queued and audits
    /// it, when the moderator may address its audience; else the attempt is refused and audited. The
    /// fan-out itself runs in <see cref="BroadcastWorker"/>, so the moderator hears "queued" at once.
    /// </summary>
    public async Task<ModerationOutcome> SubmitAsync(ModeratorScope scope, Broadcast broadcast, CancellationToken cancellationToken)
    {
        if (!MayAddress(scope, broadcast.Audience))
        {
            await audit.RefusedAsync(scope.Actor, AuditActions.BroadcastQueued, broadcast.CommunityId, cancellationToken);
            return ModerationOutcome.Refused;
        }

        await broadcasts.SaveAsync(broadcast with { Status = BroadcastStatus.Queued }, cancellationToken);
        await audit.RecordAsync(
            scope.Actor, AuditActions.BroadcastQueued, AuditTargets.Broadcast(broadcast.Id), broadcast.CommunityId,
            null, new { broadcast.Audience, broadcast.Text, broadcast.PhotoId }, cancellationToken);
        return ModerationOutcome.Done;
    }

    /// <summary>
    /// Cancels a Queued or Sending broadcast: its pending messages are dropped (those sent stay sent).
    /// One that is over, with nothing of it pending any more, is <see cref="ModerationOutcome.Unchanged"/>.
    /// Those <see cref="MayManage"/> admits may; anyone else is refused and audited.
    /// </summary>
    public async Task<ModerationOutcome> CancelAsync(ModeratorScope scope, string broadcastId, CancellationToken cancellationToken)
    {
        var broadcast = await broadcasts.GetAsync(broadcastId, cancellationToken);
        if (broadcast is null)
        {
            return ModerationOutcome.NotFound;
        }

        if (!MayManage(scope, broadcast))
        {
            await audit.RefusedAsync(scope.Actor, AuditActions.BroadcastCancelled, broadcast.CommunityId, cancellationToken);
            return ModerationOutcome.Refused;
        }

        // A Sending broadcast whose every message is delivered is over, though nobody has looked yet.
        (broadcast, _) = await ProgressAsync(broadcast, cancellationToken);
        if (broadcast.Status is not (BroadcastStatus.Queued or BroadcastStatus.Sending))
        {
            return ModerationOutcome.Unchanged;
        }

        await broadcasts.SaveAsync(broadcast with { Status = BroadcastStatus.Cancelled }, cancellationToken);
        var dropped = await outbox.DropPendingByKeyPrefixAsync(broadcast.KeyPrefix, CancelledReason, cancellationToken);
        await audit.RecordAsync(
            scope.Actor, AuditActions.BroadcastCancelled, AuditTargets.Broadcast(broadcast.Id), broadcast.CommunityId,
            new { status = broadcast.Status }, new { status = BroadcastStatus.Cancelled, dropped }, cancellationToken);
        return ModerationOutcome.Done;
    }

    /// <summary>The audience page by page: the store filters by the communities followed, the rest is filtered here.</summary>
    private async IAsyncEnumerable<IReadOnlyList<Resident>> PagesAsync(
        BroadcastAudience audience, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        IReadOnlyList<Resident> page;
        do
        {
            page = await residents.ListFollowingAsync(audience.Followed, after, PageSize, cancellationToken);
            yield return [.. page.Where(audience.Includes)];
            after = page.Count > 0 ? page[^1].Id : after;
        }
        while (page.Count == PageSize);
    }

    private static ChannelIdentity? Reachable(Resident resident) =>
        resident.Identities.FirstOrDefault(identity => identity.Reachable);

    private static OutboxMessage MessageTo(Broadcast broadcast, Resident resident, ChannelIdentity identity, DateTimeOffset now)
    {
        var deliverAt = Subscription.Of(resident).QuietHours?.NextOutside(now) ?? now;
        return new OutboxMessage(
            0, broadcast.KeyFor(resident.Id), identity.Channel, identity.ChatId, Message(broadcast), OutboxStatus.Pending, now)
        {
            Priority = OutboxPriority.Broadcast,
            NotBefore = deliverAt > now ? deliverAt : null,
        };
    }

    /// <summary>The message exactly as every recipient gets it, and as the preview shows it.</summary>
    public static OutboundReply Message(Broadcast broadcast) => new(broadcast.Text) { PhotoUrl = broadcast.PhotoId };

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} queued for {Recipients} residents, {Unreachable} unreachable")]
    private partial void LogQueued(string broadcastId, int recipients, int unreachable);
}
