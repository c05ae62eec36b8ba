using Hromada.Core.Conversations;

namespace Hromada.Core.Reports;

/// <summary>What a problem is about; stored by name, and the Open311 service_code of a report.</summary>
public enum ReportCategory
{
    Roads,
    Lighting,
    Waste,
    WaterSupply,
    Heating,
    Greenery,
    PublicTransport,
    Vandalism,
    Other,
}

/// <summary>
/// Where a report stands; stored by name. It moves forward only (steps may be skipped), and
/// <see cref="Resolved"/> and <see cref="Rejected"/> are final.
/// </summary>
public enum ReportStatus
{
    New,
    Acknowledged,
    InProgress,
    Resolved,
    Rejected,
}

/// <summary>One step of a report's history: the status it moved to, when, by which moderator and why.</summary>
/// <param name="ModeratorId">The acting moderator's resident id; null for the step the reporter took by filing it.</param>
public sealed record ReportChange(DateTimeOffset At, ReportStatus Status, string? ModeratorId, string? Note);

/// <summary>A moderator's answer to the reporter and the residents who joined the report.</summary>
public sealed record ReportReply(DateTimeOffset At, string ModeratorId, string Text);

/// <summary>
/// A local problem a resident reported (a pothole, a dark street, an overflowing bin). Keeps what an
/// Open311 GeoReport v2 feed needs: service_code (<see cref="Category"/>), status open/closed
/// (<see cref="IsOpen"/>), requested/updated datetime, lat/long, address, description and media.
/// </summary>
public sealed record ProblemReport
{
    public const int MaxPhotos = 3;
    public const int MinRating = 1;
    public const int MaxRating = 5;

    /// <summary>Begins the <see cref="ReporterId"/> of a report filed through Open311; no resident id does.</summary>
    public const string Open311ReporterPrefix = "open311:";

    /// <summary>Chosen when the resident starts the report, so filing it twice stores it once.</summary>
    public required string Id { get; init; }

    /// <summary>The short number residents and moderators use ("№42"), given by the store in filing order; 0 until stored.</summary>
    public long Number { get; init; }

    /// <summary>A community's id, or <see cref="Communities.Community.NationalId"/>.</summary>
    public required string CommunityId { get; init; }

    public required ReportCategory Category { get; init; }

    public required string Description { get; init; }

    /// <summary>Platform file ids or URLs of the photos, at most <see cref="MaxPhotos"/>.</summary>
    public IReadOnlyList<string> PhotoIds { get; init; } = [];

    /// <summary>The point the resident shared, if they shared one.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The address the resident typed, if they typed one.</summary>
    public string? Address { get; init; }

    /// <summary>Whether public listings (the Open311 feed) must not show who reported it; moderators always see it.</summary>
    public bool AnonymousToPublic { get; init; }

    /// <summary>
    /// The resident who filed it, or <see cref="Open311Reporter"/> of the API key a city dispatch system
    /// filed it with: no resident stands behind such a report, so nobody is told or asked to rate as its reporter.
    /// </summary>
    public required string ReporterId { get; init; }

    /// <summary>Residents who met the same problem and joined this report instead of filing another.</summary>
    public IReadOnlyList<string> JoinedResidentIds { get; init; } = [];

    public ReportStatus Status { get; init; } = ReportStatus.New;

    /// <summary>Why a moderator rejected it; set exactly when <see cref="Status"/> is <see cref="ReportStatus.Rejected"/>.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>Every status the report had, oldest first, starting with <see cref="ReportStatus.New"/> when it was filed.</summary>
    public IReadOnlyList<ReportChange> History { get; init; } = [];

    public IReadOnlyList<ReportReply> Replies { get; init; } = [];

    /// <summary>The reporter's rating of the response, <see cref="MinRating"/> to <see cref="MaxRating"/>, given once it was resolved.</summary>
    public int? Rating { get; init; }

    public DateTimeOffset? RatedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a moderator last changed or answered it (Open311 updated_datetime).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic concurrency: 0 for a report never stored; each stored change increments it.</summary>
    public long Version { get; init; }

    /// <summary>The API key a dispatch system filed it with through Open311; null for a report a resident filed.</summary>
    public string? Open311KeyId =>
        ReporterId.StartsWith(Open311ReporterPrefix, StringComparison.Ordinal) ? ReporterId[Open311ReporterPrefix.Length..] : null;

    /// <summary>Open311's "open": still waiting for or under work.</summary>
    public bool IsOpen => Status is ReportStatus.New or ReportStatus.Acknowledged or ReportStatus.InProgress;

    /// <summary>The reporter or a resident who joined: the people told about every change.</summary>
    public IEnumerable<string> Followers => JoinedResidentIds.Prepend(ReporterId);

    public bool IsFollowedBy(string residentId) => Followers.Contains(residentId, StringComparer.Ordinal);

    /// <summary>Forward only, skipping allowed, never out of a final status nor into the same one.</summary>
    public bool CanMoveTo(ReportStatus next) => IsOpen && next > Status;

    /// <summary>Whether the reporter may rate the response now: once, after it was resolved.</summary>
    public bool AwaitsRating => Status == ReportStatus.Resolved && Rating is null;

    /// <summary>The <see cref="ReporterId"/> of a report the API key <paramref name="keyId"/> filed through Open311.</summary>
    public static string Open311Reporter(string keyId) => Open311ReporterPrefix + keyId;

    /// <summary>A new report as the resident filed it, with its first history step.</summary>
    public static ProblemReport File(ProblemReport draft, DateTimeOffset at) => draft with
    {
        Status = ReportStatus.New,
        History = [new ReportChange(at, ReportStatus.New, null, null)],
        CreatedAt = at,
        UpdatedAt = at,
    };

    /// <summary>The report moved to <paramref name="next"/>; the caller checks <see cref="CanMoveTo"/> first.</summary>
    public ProblemReport MovedTo(ReportStatus next, string moderatorId, string? note, DateTimeOffset at) => CanMoveTo(next)
        ? this with
        {
            Status = next,
            RejectionReason = next == ReportStatus.Rejected ? note : null,
            History = [.. History, new ReportChange(at, next, moderatorId, note)],
            UpdatedAt = at,
        }
        : throw new InvalidOperationException($"Report {Number} cannot move from {Status} to {next}.");

    public ProblemReport Answered(string moderatorId, string text, DateTimeOffset at) =>
        this with { Replies = [.. Replies, new ReportReply(at, moderatorId, text)], UpdatedAt = at };

    /// <summary>The report with the resident among those who joined it; unchanged for a resident who already follows it.</summary>
    public ProblemReport JoinedBy(string residentId) =>
        IsFollowedBy(residentId) ? this : this with { JoinedResidentIds = [.. JoinedResidentIds, residentId] };

    /// <summary>The report with the reporter's rating; the caller checks <see cref="AwaitsRating"/> first.</summary>
    public ProblemReport RatedWith(int stars, DateTimeOffset at) => AwaitsRating && stars is >= MinRating and <= MaxRating
        ? this with { Rating = stars, RatedAt = at }
        : throw new InvalidOperationException($"Report {Number} cannot take the rating {stars} now.");
}
