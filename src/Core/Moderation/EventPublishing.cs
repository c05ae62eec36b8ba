using Hromada.Core.Events;

namespace Hromada.Core.Moderation;

/// <param name="Announced">How many residents the announcement was queued for; 0 unless <see cref="ModerationOutcome.Done"/>.</param>
public sealed record EventPublished(ModerationOutcome Outcome, int Announced);

/// <summary>
/// A moderator's new event: checked against their communities, stored, audited, and announced at
/// once by <see cref="EventAnnouncer"/> to the residents whose subscriptions it matches.
/// </summary>
public sealed class EventPublishing(IEventStore events, EventAnnouncer announcer, AuditTrail audit)
{
    public const string CreateAttempt = "event.create";

    public async Task<EventPublished> PublishAsync(ModeratorScope by, CivicEvent civicEvent, CancellationToken cancellationToken)
    {
        if (!await audit.AdmitsAsync(by, CreateAttempt, civicEvent.CommunityId, cancellationToken))
        {
            return new EventPublished(ModerationOutcome.Refused, 0);
        }

        await events.SaveAsync(civicEvent, cancellationToken);
        await audit.RecordAsync(
            by.Actor, AuditActions.EventCreated, AuditTargets.Event(civicEvent.Id), civicEvent.CommunityId, null, civicEvent, cancellationToken);
        return new EventPublished(ModerationOutcome.Done, await announcer.AnnounceAsync(civicEvent, cancellationToken));
    }
}
