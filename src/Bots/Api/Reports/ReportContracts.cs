using Hromada.Bots.Api.Polls;
using Hromada.Core.Moderation;
using Hromada.Core.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bots.Api.Reports;

/// <summary>GET /reports: the filters and the page.</summary>
/// <param name="Community">A community id the key reaches; all the key's communities when left out.</param>
/// <param name="Status">new, acknowledged, inProgress, resolved or rejected.</param>
/// <param name="Category">roads, lighting, waste, waterSupply, heating, greenery, publicTransport, vandalism or other.</param>
/// <param name="Since">Reports filed at or after this time.</param>
/// <param name="Until">Reports filed before this time.</param>
public sealed record ReportListQuery(
    [FromQuery(Name = "community")] string? Community,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "since")] DateTimeOffset? Since,
    [FromQuery(Name = "until")] DateTimeOffset? Until,
    [FromQuery(Name = "offset")] int? Offset,
    [FromQuery(Name = "limit")] int? Limit) : IPageQuery
{
    internal ReportStatus? ParsedStatus => EnumName.Parse<ReportStatus>(Status);

    internal ReportCategory? ParsedCategory => EnumName.Parse<ReportCategory>(Category);
}

/// <summary>POST /reports/{number}/status: the report's next status, as a moderator sets it in /issues.</summary>
/// <param name="Status">acknowledged, inProgress, resolved or rejected; forward only, steps may be skipped; resolved and rejected are final.</param>
/// <param name="Reason">Why it is rejected, 5 to 500 characters (the residents read it); only with rejected.</param>
/// <param name="Note">An optional word to the residents with any other status, up to 2000 characters.</param>
public sealed record ReportStatusRequest(string? Status, string? Reason, string? Note)
{
    /// <summary>The statuses a moderator sets; new is where the reporter starts it.</summary>
    internal static readonly IReadOnlyList<ReportStatus> Targets = [.. Enum.GetValues<ReportStatus>().Where(status => status != ReportStatus.New)];

    internal ReportStatus? ParsedStatus => EnumName.Parse<ReportStatus>(Status) is { } status && Targets.Contains(status) ? status : null;

    internal ReportAction Action => ParsedStatus switch
    {
        ReportStatus.Acknowledged => ReportAction.Acknowledge,
        ReportStatus.InProgress => ReportAction.StartWork,
        ReportStatus.Resolved => ReportAction.Resolve,
        _ => ReportAction.Reject,
    };
}

/// <summary>POST /reports/{number}/replies: an answer to the reporter and to the residents who joined the report.</summary>
/// <param name="Text">1 to 2000 characters.</param>
public sealed record ReportReplyRequest(string? Text);

/// <summary>
/// A problem report as integrations see it. Nobody's chat id, phone or name is ever in it. The
/// reporter appears only as <see cref="ReporterId"/>, Hromada's own random id of the resident, so
/// one resident's reports can be told apart from another's; it is null when the reporter asked to
/// stay anonymous. Residents who joined the report are only counted.
/// </summary>
/// <param name="Number">The number residents and moderators know it by ("№42").</param>
/// <param name="Location">The point the reporter shared, if any.</param>
/// <param name="Address">The address the reporter typed, if any.</param>
/// <param name="Photos">How many photos the reporter attached; the photos stay in the messenger.</param>
/// <param name="Anonymous">Whether the reporter asked not to be shown; then <see cref="ReporterId"/> is null.</param>
/// <param name="Joined">How many residents met the same problem and joined this report.</param>
/// <param name="NextStatuses">The statuses it may move to now; none once resolved or rejected.</param>
/// <param name="History">Every status it had, oldest first, starting with new when it was filed.</param>
/// <param name="Replies">The moderators' answers, oldest first.</param>
/// <param name="Rating">The reporter's rating of the response, 1 to 5, once resolved and rated.</param>
public sealed record ReportResponse(
    long Number,
    string CommunityId,
    string Category,
    string Description,
    ReportLocation? Location,
    string? Address,
    int Photos,
    bool Anonymous,
    string? ReporterId,
    int Joined,
    string Status,
    string? RejectionReason,
    IReadOnlyList<string> NextStatuses,
    IReadOnlyList<ReportStep> History,
    IReadOnlyList<ReportAnswer> Replies,
    int? Rating,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ReportResponse From(ProblemReport report) => new(
        report.Number,
        report.CommunityId,
        EnumName.Of(report.Category),
        report.Description,
        report.Location is { } point ? new ReportLocation(point.Latitude, point.Longitude) : null,
        report.Address,
        report.PhotoIds.Count,
        report.AnonymousToPublic,
        report.AnonymousToPublic ? null : report.ReporterId,
        report.JoinedResidentIds.Count,
        EnumName.Of(report.Status),
        report.RejectionReason,
        [.. NextStatusesOf(report).Select(EnumName.Of)],
        [.. report.History.Select(change => new ReportStep(EnumName.Of(change.Status), change.At, change.Note))],
        [.. report.Replies.Select(reply => new ReportAnswer(reply.At, reply.Text))],
        report.Rating,
        report.CreatedAt,
        report.UpdatedAt);

    internal static IReadOnlyList<ReportStatus> NextStatusesOf(ProblemReport report) => [.. Enum.GetValues<ReportStatus>().Where(report.CanMoveTo)];
}

public sealed record ReportLocation(double Latitude, double Longitude);

/// <summary>One step of a report's history: the status, when, and the note or rejection's reason; not whose hand it was.</summary>
public sealed record ReportStep(string Status, DateTimeOffset At, string? Note);

/// <summary>A moderator's answer; not which moderator gave it.</summary>
public sealed record ReportAnswer(DateTimeOffset At, string Text);

public sealed record ReportPageResponse(IReadOnlyList<ReportResponse> Items, int Offset, int Limit);
