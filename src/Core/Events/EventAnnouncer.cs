using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Events;

/// <summary>
/// Tells the residents a new event concerns: those whose subscription matches it and who want news
/// at once. Nothing is delivered inside a resident's quiet hours: such a message waits in the outbox
/// until they end. Digest subscribers hear of it in their digest instead.
/// </summary>
public sealed partial class EventAnnouncer(
    IResidentStore residents, ResidentNotifier notifier, TimeProvider time, ILogger<EventAnnouncer> logger)
{
    /// <summary>Residents read per store call; the announcement walks every follower page by page.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// Queues the announcement for each matching resident. Idempotent: announcing the same event again
    /// queues nothing twice (the outbox keeps one message per event and resident). A cancelled or
    /// begun event is not announced.
    /// </summary>
    /// <returns>How many residents it was queued for (again counted on a repeat, though nothing new is queued).</returns>
    public async Task<int> AnnounceAsync(CivicEvent civicEvent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!civicEvent.IsUpcomingAt(now))
        {
            return 0;
        }

        // The national level is followed by everyone; a community's events by its followers only.
        IReadOnlyCollection<string>? followers = civicEvent.CommunityId == Community.NationalId ? null : [civicEvent.CommunityId];
        var queued = 0;
        string? after = null;
        IReadOnlyList<Resident> page;
        do
        {
            page = await residents.ListFollowingAsync(followers, after, PageSize, cancellationToken);
            foreach (var resident in page)
            {
                if (await AnnounceToAsync(resident, civicEvent, now, cancellationToken))
                {
                    queued++;
                }
            }

            after = page.Count > 0 ? page[^1].Id : after;
        }
        while (page.Count == PageSize);

        LogAnnounced(civicEvent.Id, civicEvent.CommunityId, queued);
        return queued;
    }

    private Task<bool> AnnounceToAsync(Resident resident, CivicEvent civicEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = Subscription.Of(resident);
        if (subscription.Delivery != Delivery.AtOnce || !subscription.Matches(civicEvent))
        {
            return Task.FromResult(false);
        }

        var deliverAt = subscription.QuietHours?.NextOutside(now) ?? now;
        return notifier.NotifyAsync(
            resident,
            $"event:{civicEvent.Id}:announced",
            language => EventMessages.Announcement(language, civicEvent),
            cancellationToken,
            OutboxPriority.Broadcast,
            deliverAt > now ? deliverAt : null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} of {CommunityId} announced to {Residents} residents")]
    private partial void LogAnnounced(string eventId, string communityId, int residents);
}
