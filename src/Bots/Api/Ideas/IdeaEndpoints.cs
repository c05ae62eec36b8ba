using Hromada.Bots.Api.Polls;
using Hromada.Core.Communities;
using Hromada.Core.Ideas;
using Hromada.Core.Moderation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.Ideas;

/// <summary>
/// Ideas for moderation by integrations: list, read, and move through their statuses. Each step is
/// <see cref="IdeaDecisions"/>' (the same as /moderate): checked against the key's communities, stored
/// only from the status it was read in, told to the author and supporters, audited as "api:&lt;key id&gt;".
/// A blocked resident's proposal is hidden here too.
/// </summary>
internal static class IdeaEndpoints
{
    public static RouteGroupBuilder MapIdeas(this RouteGroupBuilder api)
    {
        var ideas = api.MapGroup("/ideas").WithTags("Ideas");
        ideas.MapGet("/", ListAsync)
            .Validate<IdeaListQuery>()
            .WithName("ListIdeas")
            .WithSummary("Ideas of the key's communities (or of one), newest first, optionally by status.");
        ideas.MapGet("/{id}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetIdea")
            .WithSummary("One idea with its history and its number of supporters.");
        ideas.MapPost("/{id}/status", MoveAsync)
            .Validate<IdeaStatusRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MoveIdea")
            .WithSummary("Publishes or rejects a proposal, or moves a published idea one step on; the author and supporters are told.");
        return ideas;
    }

    private static async Task<Results<Ok<IdeaPageResponse>, ForbidHttpResult>> ListAsync(
        [AsParameters] IdeaListQuery query,
        ApiCaller caller,
        IdeaDecisions decisions,
        IIdeaStore ideas,
        CommunityDirectory communities,
        CancellationToken cancellationToken)
    {
        if (query.Community is { } community && !caller.Covers(community))
        {
            return TypedResults.Forbid();
        }

        var (offset, limit) = Paging.Of(query);
        var page = await decisions.ListAsync(
            caller.AsModerator(), query.Community is { } one ? [one] : caller.CommunityIds(communities), query.ParsedStatus, offset, limit, cancellationToken);
        var items = new List<IdeaResponse>(page.Count);
        foreach (var idea in page)
        {
            items.Add(await RespondAsync(ideas, idea, cancellationToken));
        }

        return TypedResults.Ok(new IdeaPageResponse(items, offset, limit));
    }

    private static async Task<Results<Ok<IdeaResponse>, ProblemHttpResult, ForbidHttpResult>> GetAsync(
        string id, ApiCaller caller, IdeaDecisions decisions, IIdeaStore ideas, CancellationToken cancellationToken) =>
        await ModerationAnswer.FoundAsync(
            await decisions.FindAsync(caller.AsModerator(), id, cancellationToken), "idea", id, idea => RespondAsync(ideas, idea, cancellationToken));

    /// <summary>
    /// A step the idea's status does not allow now — a final status, a skipped or repeated step, or
    /// another moderator's decision taken first — is a 409 that says where the idea stands.
    /// </summary>
    private static async Task<Results<Ok<IdeaResponse>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> MoveAsync(
        string id, IdeaStatusRequest request, ApiCaller caller, IdeaDecisions decisions, IIdeaStore ideas, CancellationToken cancellationToken)
    {
        var next = request.ParsedStatus!.Value;
        var result = await decisions.DecideAsync(caller.AsModerator(), id, next, request.Reason, cancellationToken);
        return await ModerationAnswer.DoneAsync(
            result, "idea", id, idea => RespondAsync(ideas, idea, cancellationToken), idea => WhyNot(idea, next), "reason");
    }

    private static async Task<IdeaResponse> RespondAsync(IIdeaStore ideas, Idea idea, CancellationToken cancellationToken) =>
        IdeaResponse.From(idea, await ideas.TallyAsync(idea.Id, cancellationToken));

    private static string WhyNot(Idea idea, IdeaStatus next)
    {
        var status = EnumName.Of(idea.Status);
        var allowed = Idea.NextStatuses(idea.Status);
        return idea.Status == next ? $"The idea is {status} already."
            : allowed.Count == 0 ? $"The idea is {status}, which is final."
            : $"The idea is {status}; it can move to {EnumName.List(allowed)} only.";
    }
}
