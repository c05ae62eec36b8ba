using Hromada.Bots.Api.Polls;
using Hromada.Core.Ideas;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bots.Api.Ideas;

/// <summary>GET /ideas: the filters and the page.</summary>
/// <param name="Community">A community id the key reaches; all the key's communities when left out.</param>
/// <param name="Status">proposed, published, underConsideration, accepted, implemented or rejected.</param>
public sealed record IdeaListQuery(
    [FromQuery(Name = "community")] string? Community,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "offset")] int? Offset,
    [FromQuery(Name = "limit")] int? Limit) : IPageQuery
{
    internal IdeaStatus? ParsedStatus => EnumName.Parse<IdeaStatus>(Status);
}

/// <summary>POST /ideas/{id}/status: the idea's next step, as a moderator takes it in /moderate.</summary>
/// <param name="Status">
/// For a proposal: published or rejected. For a published idea, one step at a time: underConsideration,
/// then accepted, then implemented.
/// </param>
/// <param name="Reason">Why it is rejected, 5 to 500 characters (the author reads it); only with rejected.</param>
public sealed record IdeaStatusRequest(string? Status, string? Reason)
{
    /// <summary>The statuses a moderator moves an idea to; proposed is where its author starts it.</summary>
    internal static readonly IReadOnlyList<IdeaStatus> Targets = [.. Enum.GetValues<IdeaStatus>().Where(status => status != IdeaStatus.Proposed)];

    internal IdeaStatus? ParsedStatus => EnumName.Parse<IdeaStatus>(Status) is { } status && Targets.Contains(status) ? status : null;
}

/// <summary>An idea as integrations see it: never who proposed it nor who supports it, only how many do.</summary>
/// <param name="HasPhoto">Whether its author attached a photo; the photo stays in the messenger.</param>
/// <param name="NextStatuses">The statuses it may move to now; none once implemented or rejected.</param>
/// <param name="AverageRating">The supporters' mean rating, 1 to 5; null while nobody rated it.</param>
/// <param name="History">Every status it had, oldest first, starting with its proposal.</param>
public sealed record IdeaResponse(
    string Id,
    string CommunityId,
    string Sphere,
    string Title,
    string Text,
    bool HasPhoto,
    string Status,
    string? RejectionReason,
    IReadOnlyList<string> NextStatuses,
    int Supporters,
    double? AverageRating,
    IReadOnlyList<IdeaStep> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static IdeaResponse From(Idea idea, IdeaTally tally) => new(
        idea.Id,
        idea.CommunityId,
        idea.Sphere,
        idea.Title,
        idea.Text,
        idea.PhotoId is not null,
        EnumName.Of(idea.Status),
        idea.RejectionReason,
        [.. Idea.NextStatuses(idea.Status).Select(EnumName.Of)],
        tally.Supporters,
        tally.AverageRating,
        [.. idea.History.Select(change => new IdeaStep(EnumName.Of(change.Status), change.At, change.Reason))],
        idea.CreatedAt,
        idea.UpdatedAt);
}

/// <summary>One step of an idea's way: the status it reached, when, and a rejection's reason; not whose hand it was.</summary>
public sealed record IdeaStep(string Status, DateTimeOffset At, string? Reason);

public sealed record IdeaPageResponse(IReadOnlyList<IdeaResponse> Items, int Offset, int Limit);
