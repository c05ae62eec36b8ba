using Hromada.Core.Residents;

namespace Hromada.Core.Events;

/// <summary>/mydata's "events": the resident's answers about events, with each event's title and start.</summary>
public sealed class EventsDataSection(IRsvpStore rsvps, IEventStore events) : IPersonalDataSection
{
    public string Name => "events";

    public async Task<object?> ExportAsync(Resident resident, CancellationToken cancellationToken)
    {
        var answers = await rsvps.ListByResidentAsync(resident.Id, cancellationToken);
        var exported = new List<ExportedRsvp>();
        foreach (var rsvp in answers)
        {
            var civicEvent = await events.GetAsync(rsvp.EventId, cancellationToken);
            exported.Add(new ExportedRsvp(rsvp.EventId, civicEvent?.Title, civicEvent?.StartsAt, rsvp.Answer, rsvp.AnsweredAt));
        }

        return exported;
    }

    /// <param name="Title">Null when the event itself is no longer stored.</param>
    private sealed record ExportedRsvp(string EventId, string? Title, DateTimeOffset? StartsAt, RsvpAnswer Answer, DateTimeOffset AnsweredAt);
}
