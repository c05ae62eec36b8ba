using Hromada.Core.Events;

namespace Hromada.Persistence.Documents;

internal sealed class RsvpDocument
{
    /// <summary>The (event, resident) pair itself, so the primary key allows one answer per pair.</summary>
    public string Id { get; set; } = "";

    public string EventId { get; set; } = "";

    public string ResidentId { get; set; } = "";

    public string Answer { get; set; } = "";

    public DateTime AnsweredAt { get; set; }

    public static string KeyOf(string eventId, string residentId) => $"{eventId}/{residentId}";

    public static RsvpDocument From(Rsvp rsvp) => new()
    {
        Id = KeyOf(rsvp.EventId, rsvp.ResidentId),
        EventId = rsvp.EventId,
        ResidentId = rsvp.ResidentId,
        Answer = rsvp.Answer.ToString(),
        AnsweredAt = DocumentFormat.ToStored(rsvp.AnsweredAt),
    };

    public Rsvp ToRsvp() => new(EventId, ResidentId, Enum.Parse<RsvpAnswer>(Answer), DocumentFormat.FromStored(AnsweredAt));

    /// <summary>What an answer makes of the stored one (null when there is none): the same one when equal, else the new answer.</summary>
    public static Rsvp Apply(Rsvp? stored, string eventId, string residentId, RsvpAnswer answer, DateTimeOffset answeredAt) =>
        stored is not null && stored.Answer == answer ? stored : new Rsvp(eventId, residentId, answer, answeredAt);
}
