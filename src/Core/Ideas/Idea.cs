namespace Hromada.Core.Ideas;

/// <summary>
/// Stored by name. A resident's idea waits as <see cref="Proposed"/> until a moderator publishes or
/// rejects it; a published idea then moves forward one step at a time (see <see cref="Idea.NextStatuses"/>).
/// </summary>
public enum IdeaStatus
{
    Proposed,
    Published,
    UnderConsideration,
    Accepted,
    Implemented,
    Rejected,
}

/// <summary>One step of an idea's way: the status it reached, when, by whose hand, and why (a rejection's reason).</summary>
/// <param name="ByResidentId">The author for <see cref="IdeaStatus.Proposed"/>, the acting moderator for every later step.</param>
public sealed record IdeaStatusChange(IdeaStatus Status, DateTimeOffset At, string ByResidentId, string? Reason = null);

/// <summary>A resident's development idea for their community or for the whole country.</summary>
public sealed record Idea
{
    public const int TitleMinLength = 5;
    public const int TitleMaxLength = 120;
    public const int TextMinLength = 20;
    public const int TextMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    public required string Id { get; init; }

    /// <summary>A community's id, or <see cref="Communities.Community.NationalId"/> for the national level.</summary>
    public required string CommunityId { get; init; }

    /// <summary>One of <see cref="Spheres.Sphere.All"/>.</summary>
    public required string Sphere { get; init; }

    public required string Title { get; init; }

    public required string Text { get; init; }

    /// <summary>A platform file id or URL of the photo the author attached, if any.</summary>
    public string? PhotoId { get; init; }

    public required string AuthorResidentId { get; init; }

    public IdeaStatus Status { get; init; } = IdeaStatus.Proposed;

    /// <summary>Why the moderators rejected it; set only for <see cref="IdeaStatus.Rejected"/>.</summary>
    public string? RejectionReason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every status the idea has had, oldest first, starting with its proposal.</summary>
    public IReadOnlyList<IdeaStatusChange> History { get; init; } = [];

    /// <summary>Whether residents other than the author see it, and may support and rate it.</summary>
    public bool IsPublic => IsPublicStatus(Status);

    /// <summary>A new idea as its author submits it: proposed, waiting for moderation.</summary>
    public static Idea Propose(
        string id, string communityId, string sphere, string title, string text, string? photoId, string authorResidentId, DateTimeOffset at) => new()
        {
            Id = id,
            CommunityId = communityId,
            Sphere = sphere,
            Title = title,
            Text = text,
            PhotoId = photoId,
            AuthorResidentId = authorResidentId,
            Status = IdeaStatus.Proposed,
            CreatedAt = at,
            UpdatedAt = at,
            History = [new IdeaStatusChange(IdeaStatus.Proposed, at, authorResidentId)],
        };

    public static bool IsPublicStatus(IdeaStatus status) =>
        status is IdeaStatus.Published or IdeaStatus.UnderConsideration or IdeaStatus.Accepted or IdeaStatus.Implemented;

    /// <summary>
    /// The statuses an idea in <paramref name="status"/> may move to: a proposal is published or
    /// rejected; a published idea goes one step forward at a time; implemented and rejected are final.
    /// </summary>
    public static IReadOnlyList<IdeaStatus> NextStatuses(IdeaStatus status) => status switch
    {
        IdeaStatus.Proposed => [IdeaStatus.Published, IdeaStatus.Rejected],
        IdeaStatus.Published => [IdeaStatus.UnderConsideration],
        IdeaStatus.UnderConsideration => [IdeaStatus.Accepted],
        IdeaStatus.Accepted => [IdeaStatus.Implemented],
        _ => [],
    };

    public bool CanMoveTo(IdeaStatus next) => NextStatuses(Status).Contains(next);

    /// <summary>The idea in <paramref name="next"/>, the step added to its history; the caller checks <see cref="CanMoveTo"/>.</summary>
    public Idea MovedTo(IdeaStatus next, DateTimeOffset at, string moderatorResidentId, string? reason = null) => this with
    {
        Status = next,
        RejectionReason = next == IdeaStatus.Rejected ? reason : null,
        UpdatedAt = at,
        History = [.. History, new IdeaStatusChange(next, at, moderatorResidentId, reason)],
    };
}
