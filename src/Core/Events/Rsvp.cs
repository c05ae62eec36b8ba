namespace Hromada.Core.Events;

/// <summary>What a resident answered about coming to an event; stored by name.</summary>
public enum RsvpAnswer
{
    Going,
    NotGoing,
}

/// <summary>One resident's answer about one event; there is never more than one per (event, resident).</summary>
/// <param name="AnsweredAt">When the current answer was given.</param>
public sealed record Rsvp(string EventId, string ResidentId, RsvpAnswer Answer, DateTimeOffset AnsweredAt);

public interface IRsvpStore
{
    /// <summary>
    /// Stores the answer as the resident's one answer about the event, also when the same answer
    /// arrives several times at once; a different answer replaces it, the same answer changes nothing.
    /// </summary>
    /// <returns>The answer as stored after the call.</returns>
    Task<Rsvp> AnswerAsync(
        string eventId, string residentId, RsvpAnswer answer, DateTimeOffset answeredAt, CancellationToken cancellationToken);

    Task<Rsvp?> FindAsync(string eventId, string residentId, CancellationToken cancellationToken);

    /// <summary>How many residents answered <see cref="RsvpAnswer.Going"/>, counted now.</summary>
    Task<int> CountGoingAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of the residents going, ascending; for the reminders sent before the event, never shown
    /// to residents. A resident who used /forget may still be listed (their answers stay, anonymised).
    /// </summary>
    Task<IReadOnlyList<string>> ListGoingAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Every answer of the resident, for /mydata.</summary>
    Task<IReadOnlyList<Rsvp>> ListByResidentAsync(string residentId, CancellationToken cancellationToken);
}
