using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bots.Api.PollProposals;

/// <summary>GET /poll-proposals: the community and the page.</summary>
/// <param name="Community">A community id the key reaches; all the key's communities when left out.</param>
public sealed record ProposalListQuery(
    [FromQuery(Name = "community")] string? Community,
    [FromQuery(Name = "offset")] int? Offset,
    [FromQuery(Name = "limit")] int? Limit) : IPageQuery;

/// <summary>POST /poll-proposals/{id}/approve: the proposal opens now, until <see cref="ClosesAt"/>.</summary>
/// <param name="ClosesAt">At least an hour ahead and at most a year, as in /moderate.</param>
public sealed record ApproveProposalRequest(DateTimeOffset? ClosesAt);

/// <summary>POST /poll-proposals/{id}/reject.</summary>
/// <param name="Reason">Why, 5 to 500 characters; its author reads it.</param>
public sealed record RejectProposalRequest(string? Reason);
