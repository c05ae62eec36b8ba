namespace Hromada.Core.Polls;

/// <summary>How a resident answers: one option, several (up to <see cref="Poll.MaxChoices"/>), or a number on a scale.</summary>
public enum PollType
{
    SingleChoice,
    MultipleChoice,
    Scale,
}

/// <summary>What a poll asks about: how things are now, or a plan for a period (<see cref="Poll.Horizon"/>).</summary>
public enum PollKind
{
    CurrentState,
    Strategic,
}

/// <summary>Stored by name. A resident's proposal is <see cref="Proposed"/> until a moderator opens or rejects it.</summary>
public enum PollStatus
{
    Proposed,
    Open,
    Closed,
    Rejected,
}

/// <summary>A question put to the residents of a community, or to the whole country.</summary>
public sealed record Poll
{
    public required string Id { get; init; }

    /// <summary>A community's id, or <see cref="Communities.Community.NationalId"/> for the national level.</summary>
    public required string CommunityId { get; init; }

    public IReadOnlyList<string> Spheres { get; init; } = [];

    public required string Question { get; init; }

    /// <summary>The answers, in the order shown; ballots refer to them by index.</summary>
    public required IReadOnlyList<string> Options { get; init; }

    public PollType Type { get; init; } = PollType.SingleChoice;

    /// <summary>How many options a <see cref="PollType.MultipleChoice"/> ballot may hold; 1 for the other types.</summary>
    public int MaxChoices { get; init; } = 1;

    public PollKind Kind { get; init; } = PollKind.CurrentState;

    /// <summary>The planning period of a strategic poll, such as "2026–2030".</summary>
    public string? Horizon { get; init; }

    /// <summary>Set when the poll is opened; a proposal has none yet.</summary>
    public DateTimeOffset? OpensAt { get; init; }

    public DateTimeOffset? ClosesAt { get; init; }

    public PollStatus Status { get; init; }

    /// <summary>The resident who proposed or created it.</summary>
    public string? AuthorResidentId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The status at <paramref name="now"/>: an open poll whose closing time has passed is closed,
    /// whether or not a job has stored that yet.
    /// </summary>
    public PollStatus StatusAt(DateTimeOffset now) =>
        Status == PollStatus.Open && ClosesAt <= now ? PollStatus.Closed : Status;

    /// <summary>Whether residents may vote at <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) =>
        StatusAt(now) == PollStatus.Open && (OpensAt is null || OpensAt <= now);

    /// <summary>The options of a scale poll: "1" to "5", or "1" to "10".</summary>
    public static IReadOnlyList<string> ScaleOptions(int top) => top is 5 or 10
        ? [.. Enumerable.Range(1, top).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]
        : throw new ArgumentOutOfRangeException(nameof(top), top, "A scale runs from 1 to 5 or from 1 to 10.");
}

public interface IPollStore
{
    /// <summary>Inserts or replaces the poll by id.</summary>
    Task SaveAsync(Poll poll, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored poll with <paramref name="changed"/> only while the stored one still has
    /// <paramref name="expected"/> status, so two moderators deciding a proposal at once cannot both decide it.
    /// </summary>
    /// <returns>False when the poll is gone or its status changed meanwhile; nothing is written then.</returns>
    Task<bool> TryChangeStatusAsync(Poll changed, PollStatus expected, CancellationToken cancellationToken);

    Task<Poll?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Polls of the given communities open at <paramref name="now"/>, closing soonest first.</summary>
    Task<IReadOnlyList<Poll>> ListOpenAsync(
        IReadOnlyCollection<string> communityIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Proposals waiting for moderation, oldest first.</summary>
    Task<IReadOnlyList<Poll>> ListProposedAsync(CancellationToken cancellationToken);

    /// <summary>Polls put to the vote (open or closed) in the given communities, or in every community when null.</summary>
    Task<IReadOnlyList<Poll>> ListPutToVoteAsync(IReadOnlyCollection<string>? communityIds, CancellationToken cancellationToken);

    /// <summary>Polls a resident proposed or created at or after <paramref name="since"/>, of any status; only <paramref name="residentId"/>'s when given.</summary>
    Task<IReadOnlyList<Poll>> ListAuthoredSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken);

    /// <summary>
    /// Polls of the given communities, newest first, a page of <paramref name="limit"/> after skipping
    /// <paramref name="offset"/>; with a <paramref name="status"/>, only those with that status at
    /// <paramref name="now"/> (see <see cref="Poll.StatusAt"/>).
    /// </summary>
    Task<IReadOnlyList<Poll>> ListAsync(
        IReadOnlyCollection<string> communityIds,
        PollStatus? status,
        DateTimeOffset now,
        int offset,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>
    /// Polls stored as open whose closing time is at or before <paramref name="by"/>, closing soonest
    /// first: those past it are the ones no sweep has stored as closed yet. Open polls are few at any time.
    /// </summary>
    Task<IReadOnlyList<Poll>> ListOpenClosingByAsync(DateTimeOffset by, CancellationToken cancellationToken);
}
