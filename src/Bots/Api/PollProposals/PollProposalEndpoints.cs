using Hromada.Bots.Api.Polls;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.PollProposals;

/// <summary>
/// Polls residents proposed, waiting for moderation: the queue, approve (the poll opens), reject with a
/// reason. Each decision is <see cref="PollModeration"/>'s (the same as /moderate): checked against the
/// key's communities, taken only while the poll is still a proposal, told to its author, audited as
/// "api:&lt;key id&gt;". A blocked resident's proposal is hidden, as in /moderate. A proposal reads like
/// any poll (GET /polls/{id}), never with its author.
/// </summary>
internal static class PollProposalEndpoints
{
    public static RouteGroupBuilder MapPollProposals(this RouteGroupBuilder api)
    {
        var proposals = api.MapGroup("/poll-proposals").WithTags("Poll proposals");
        proposals.MapGet("/", ListAsync)
            .Validate<ProposalListQuery>()
            .WithName("ListPollProposals")
            .WithSummary("Proposals waiting in the key's communities (or in one), oldest first, as /moderate shows them.");
        proposals.MapPost("/{id}/approve", ApproveAsync)
            .Validate<ApproveProposalRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ApprovePollProposal")
            .WithSummary("Opens the proposal now until closesAt; its author is told.");
        proposals.MapPost("/{id}/reject", RejectAsync)
            .Validate<RejectProposalRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RejectPollProposal")
            .WithSummary("Rejects the proposal; its author is told why.");
        return proposals;
    }

    private static async Task<Results<Ok<PollPageResponse>, ForbidHttpResult>> ListAsync(
        [AsParameters] ProposalListQuery query, ApiCaller caller, PollModeration moderation, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Community is { } community && !caller.Covers(community))
        {
            return TypedResults.Forbid();
        }

        var now = time.GetUtcNow();
        var (offset, limit) = Paging.Of(query);
        var page = (await moderation.QueueAsync(caller.AsModerator(), cancellationToken))
            .Where(proposal => query.Community is null || proposal.CommunityId == query.Community)
            .Skip(offset)
            .Take(limit)
            .Select(proposal => PollResponse.From(proposal, now));
        return TypedResults.Ok(new PollPageResponse([.. page], offset, limit));
    }

    private static async Task<Results<Ok<PollResponse>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> ApproveAsync(
        string id, ApproveProposalRequest request, ApiCaller caller, PollModeration moderation, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = await moderation.ApproveAsync(caller.AsModerator(), id, now, request.ClosesAt!.Value, cancellationToken);
        return await AnswerAsync(result, id, now);
    }

    private static async Task<Results<Ok<PollResponse>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> RejectAsync(
        string id, RejectProposalRequest request, ApiCaller caller, PollModeration moderation, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await moderation.RejectAsync(caller.AsModerator(), id, request.Reason!.Trim(), cancellationToken);
        return await AnswerAsync(result, id, time.GetUtcNow());
    }

    /// <summary>A poll that is no longer a proposal (decided meanwhile, by anybody) is a 409 saying what it is now.</summary>
    private static Task<Results<Ok<PollResponse>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> AnswerAsync(
        Moderated<Poll> result, string id, DateTimeOffset now) =>
        ModerationAnswer.DoneAsync(
            result,
            "poll proposal",
            id,
            poll => Task.FromResult(PollResponse.From(poll, now)),
            poll => $"The poll is {EnumName.Of(poll.StatusAt(now))}; only a proposal waiting for moderation can be approved or rejected.",
            "reason");
}
