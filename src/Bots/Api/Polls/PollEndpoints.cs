using Hromada.Core.Communities;
using Hromada.Core.Polls;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.Polls;

/// <summary>
/// Polls for integrations: list, create, close, results. Results are totals only; no endpoint names a
/// voter or an answer. A poll outside the key's communities is refused (403).
/// </summary>
internal static class PollEndpoints
{
    public static RouteGroupBuilder MapPolls(this RouteGroupBuilder api)
    {
        var polls = api.MapGroup("/polls").WithTags("Polls");
        polls.MapGet("/", ListAsync)
            .Validate<PollListQuery>()
            .WithName("ListPolls")
            .WithSummary("Polls of the key's communities (or of one), newest first, optionally by status.");
        polls.MapPost("/", CreateAsync)
            .Validate<CreatePollRequest>()
            .WithName("CreatePoll")
            .WithSummary("Opens a poll for a community the key reaches.");
        polls.MapGet("/{id}", GetAsync)
            .WithName("GetPoll")
            .WithSummary("One poll.");
        polls.MapPost("/{id}/close", CloseAsync)
            .WithName("ClosePoll")
            .WithSummary("Closes an open poll now; its participants get the results from the closing sweep within a minute.");
        polls.MapGet("/{id}/results", ResultsAsync)
            .WithName("GetPollResults")
            .WithSummary("The totals: voters and the count per option; never who answered what.");
        return polls;
    }

    private static async Task<Results<Ok<PollPageResponse>, ForbidHttpResult>> ListAsync(
        [AsParameters] PollListQuery query,
        ApiCaller caller,
        IPollStore polls,
        CommunityDirectory communities,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (query.Community is { } community && !caller.Covers(community))
        {
            return TypedResults.Forbid();
        }

        var now = time.GetUtcNow();
        var (offset, limit) = Paging.Of(query);
        var page = await polls.ListAsync(
            query.Community is { } one ? [one] : caller.CommunityIds(communities), query.ParsedStatus, now, offset, limit, cancellationToken);
        return TypedResults.Ok(new PollPageResponse([.. page.Select(poll => PollResponse.From(poll, now))], offset, limit));
    }

    private static async Task<Results<Created<PollResponse>, ForbidHttpResult>> CreateAsync(
        CreatePollRequest request,
        ApiCaller caller,
        IPollStore polls,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!caller.Covers(request.CommunityId!))
        {
            return TypedResults.Forbid();
        }

        var now = time.GetUtcNow();
        var type = request.ParsedType;
        var kind = request.ParsedKind;
        var poll = new Poll
        {
            Id = Guid.NewGuid().ToString("N"),
            CommunityId = request.CommunityId!,
            Spheres = request.Spheres ?? [],
            Question = request.Question!.Trim(),
            Options = type == PollType.Scale ? Poll.ScaleOptions(request.ScaleTop!.Value) : [.. request.Options!.Select(option => option.Trim())],
            Type = type,
            MaxChoices = type == PollType.MultipleChoice ? request.MaxChoices!.Value : 1,
            Kind = kind,
            Horizon = kind == PollKind.Strategic ? request.Horizon : null,
            Status = PollStatus.Open,
            OpensAt = request.OpensAt ?? now,
            ClosesAt = request.ClosesAt,
            CreatedAt = now,
        };
        await polls.SaveAsync(poll, cancellationToken);
        var logger = loggers.CreateLogger(typeof(PollEndpoints));
        ApiLog.PollCreated(logger, poll.Id, poll.CommunityId, caller.KeyId);
        return TypedResults.Created($"{ApiServiceCollectionExtensions.BasePath}/polls/{poll.Id}", PollResponse.From(poll, now));
    }

    private static async Task<Results<Ok<PollResponse>, ProblemHttpResult, ForbidHttpResult>> GetAsync(
        string id, ApiCaller caller, IPollStore polls, TimeProvider time, CancellationToken cancellationToken) =>
        await polls.GetAsync(id, cancellationToken) switch
        {
            null => ApiProblems.NotFound("poll", id),
            { } poll when !caller.Covers(poll.CommunityId) => TypedResults.Forbid(),
            { } poll => TypedResults.Ok(PollResponse.From(poll, time.GetUtcNow())),
        };

    /// <summary>
    /// Closing moves the closing time to now: from then on the poll reads as closed and takes no vote,
    /// and the closing sweep stores it closed and sends its participants the results, as at a deadline.
    /// Closing a closed poll again changes nothing.
    /// </summary>
    private static async Task<Results<Ok<PollResponse>, ProblemHttpResult, ForbidHttpResult>> CloseAsync(
        string id, ApiCaller caller, IPollStore polls, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(id, cancellationToken);
        if (poll is null)
        {
            return ApiProblems.NotFound("poll", id);
        }

        if (!caller.Covers(poll.CommunityId))
        {
            return TypedResults.Forbid();
        }

        var now = time.GetUtcNow();
        switch (poll.StatusAt(now))
        {
            case PollStatus.Open:
                poll = poll with { ClosesAt = now };
                await polls.SaveAsync(poll, cancellationToken);
                var logger = loggers.CreateLogger(typeof(PollEndpoints));
                ApiLog.PollClosed(logger, poll.Id, caller.KeyId);
                break;
            case PollStatus.Closed:
                break;
            default:
                return ApiProblems.Conflict($"The poll is {EnumName.Of(poll.Status)}; only an open poll can be closed.");
        }

        return TypedResults.Ok(PollResponse.From(poll, now));
    }

    private static async Task<Results<Ok<PollResultsResponse>, ProblemHttpResult, ForbidHttpResult>> ResultsAsync(
        string id, ApiCaller caller, IPollStore polls, IBallotStore ballots, TimeProvider time, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(id, cancellationToken);
        if (poll is null)
        {
            return ApiProblems.NotFound("poll", id);
        }

        if (!caller.Covers(poll.CommunityId))
        {
            return TypedResults.Forbid();
        }

        var tally = await ballots.TallyAsync(poll, cancellationToken);
        var options = poll.Options.Select((option, index) => new OptionResult(option, tally.Counts[index], tally.PercentOf(index)));
        return TypedResults.Ok(new PollResultsResponse(poll.Id, poll.Question, EnumName.Of(poll.StatusAt(time.GetUtcNow())), tally.Voters, [.. options]));
    }
}
