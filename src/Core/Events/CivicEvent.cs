namespace Hromada.Core.Events;

/// <summary>The kinds of events moderators announce (DESIGN §5); stored by name, named in resx "EventType_{name}".</summary>
public enum EventType
{
    PublicHearing,
    CouncilSession,
    CommitteeMeeting,
    Consultation,
    Training,
    Action,
}

/// <summary>
/// A civic event residents may attend: a hearing, a session, a consultation… of a community or of the
/// national level. Times are instants; residents enter and read them in Kyiv time (<see cref="Localization.KyivTime"/>).
/// </summary>
public sealed record CivicEvent
{
    public required string Id { get; init; }

    /// <summary>A community's id, or <see cref="Communities.Community.NationalId"/> for the national level.</summary>
    public required string CommunityId { get; init; }

    public IReadOnlyList<string> Spheres { get; init; } = [];

    public required EventType Type { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Where it happens, as residents would look for it: an address, a hall, or "online".</summary>
    public required string Place { get; init; }

    /// <summary>The resident (a moderator) who created it.</summary>
    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A cancelled event is kept (residents who answered may still open it) but no longer listed or announced.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Whether residents may still answer whether they come: not cancelled and not yet begun.</summary>
    public bool IsUpcomingAt(DateTimeOffset now) => !Cancelled && StartsAt > now;
}

public interface IEventStore
{
    /// <summary>Inserts or replaces the event by id.</summary>
    Task SaveAsync(CivicEvent civicEvent, CancellationToken cancellationToken);

    Task<CivicEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Events of the given communities that are not cancelled and start after <paramref name="from"/>,
    /// soonest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<CivicEvent>> ListUpcomingAsync(
        IReadOnlyCollection<string> communityIds, DateTimeOffset from, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Events of every community that are not cancelled and start after <paramref name="after"/> and
    /// at or before <paramref name="until"/>, soonest first: the ones the reminders are due for. A
    /// day's events across the network are few.
    /// </summary>
    Task<IReadOnlyList<CivicEvent>> ListStartingBetweenAsync(
        DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken);
}
