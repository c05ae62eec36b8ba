using Hromada.Core.Broadcasts;
using Hromada.Core.Moderation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.Broadcasts;

/// <summary>
/// Broadcasts for integrations, through the same Core services as /broadcast, /broadcast status and
/// /cancelbroadcast: <see cref="BroadcastSender"/> stores and audits it, <see cref="BroadcastWorker"/>
/// fans it out into the outbox, which delivers at the platform's rate and keeps each recipient's quiet
/// hours. A broadcast the key may not manage is refused (403).
/// </summary>
internal static class BroadcastEndpoints
{
    public static RouteGroupBuilder MapBroadcasts(this RouteGroupBuilder api)
    {
        var broadcasts = api.MapGroup("/broadcasts").WithTags("Broadcasts");
        broadcasts.MapGet("/", ListAsync)
            .Validate<BroadcastListQuery>()
            .WithName("ListBroadcasts")
            .WithSummary("The broadcasts sent with this key, newest first, each with its progress.");
        broadcasts.MapPost("/", CreateAsync)
            .Validate<CreateBroadcastRequest>()
            .WithName("CreateBroadcast")
            .WithSummary("Queues a message to a community's followers (optionally by spheres and statuses); answers at once with the recipient count.");
        broadcasts.MapGet("/{id}", GetAsync)
            .WithName("GetBroadcast")
            .WithSummary("A broadcast's progress: queued, sent, failed, unreachable.");
        broadcasts.MapPost("/{id}/cancel", CancelAsync)
            .WithName("CancelBroadcast")
            .WithSummary("Drops what is not yet delivered (what was sent stays sent); a finished broadcast is a 409.");
        return broadcasts;
    }

    private static async Task<Ok<BroadcastListResponse>> ListAsync(
        [AsParameters] BroadcastListQuery query,
        ApiCaller caller,
        IBroadcastStore broadcasts,
        BroadcastSender sender,
        CancellationToken cancellationToken)
    {
        var recent = await broadcasts.ListRecentAsync(
            caller.AsModerator().Actor.AuthorId, query.Limit ?? BroadcastListQuery.DefaultLimit, cancellationToken);
        var items = new List<BroadcastResponse>(recent.Count);
        foreach (var broadcast in recent)
        {
            var (current, progress) = await sender.ProgressAsync(broadcast, cancellationToken);
            items.Add(BroadcastResponse.From(current, progress));
        }

        return TypedResults.Ok(new BroadcastListResponse(items));
    }

    /// <summary>
    /// Answers 202: the broadcast is stored as queued and the worker puts its messages in the outbox
    /// moments later. The recipient count is the preview's, counted now.
    /// </summary>
    private static async Task<Results<Accepted<BroadcastResponse>, ForbidHttpResult>> CreateAsync(
        CreateBroadcastRequest request,
        ApiCaller caller,
        BroadcastSender sender,
        BroadcastWorker worker,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var by = caller.AsModerator();
        var audience = request.Audience;
        var broadcast = new Broadcast
        {
            Id = Guid.NewGuid().ToString("N"),
            AuthorResidentId = by.Actor.AuthorId,
            AuthorActorId = by.Actor.Id,
            Audience = audience,
            Text = request.Text!.Trim(),
            PhotoId = request.PhotoUrl,
            Status = BroadcastStatus.Queued,
            CreatedAt = time.GetUtcNow(),
            Recipients = await sender.CountRecipientsAsync(audience, cancellationToken),
        };
        if (await sender.SubmitAsync(by, broadcast, cancellationToken) != ModerationOutcome.Done)
        {
            return TypedResults.Forbid();
        }

        worker.Wake();
        var logger = loggers.CreateLogger(typeof(BroadcastEndpoints));
        ApiLog.BroadcastQueued(logger, broadcast.Id, request.CommunityId!, broadcast.Recipients, caller.KeyId);
        return TypedResults.Accepted(
            $"{ApiServiceCollectionExtensions.BasePath}/broadcasts/{broadcast.Id}",
            BroadcastResponse.From(broadcast, new BroadcastProgress(0, 0, 0, 0)));
    }

    private static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult, ForbidHttpResult>> GetAsync(
        string id, ApiCaller caller, IBroadcastStore broadcasts, BroadcastSender sender, CancellationToken cancellationToken)
    {
        var broadcast = await broadcasts.GetAsync(id, cancellationToken);
        if (broadcast is null)
        {
            return ApiProblems.NotFound("broadcast", id);
        }

        if (!BroadcastSender.MayManage(caller.AsModerator(), broadcast))
        {
            return TypedResults.Forbid();
        }

        var (current, progress) = await sender.ProgressAsync(broadcast, cancellationToken);
        return TypedResults.Ok(BroadcastResponse.From(current, progress));
    }

    private static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult, ForbidHttpResult>> CancelAsync(
        string id, ApiCaller caller, IBroadcastStore broadcasts, BroadcastSender sender, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        switch (await sender.CancelAsync(caller.AsModerator(), id, cancellationToken))
        {
            case ModerationOutcome.NotFound:
                return ApiProblems.NotFound("broadcast", id);
            case ModerationOutcome.Refused:
                return TypedResults.Forbid();
            case ModerationOutcome.Unchanged:
                return ApiProblems.Conflict("The broadcast is over (done or cancelled); only a queued or sending one can be cancelled.");
        }

        var logger = loggers.CreateLogger(typeof(BroadcastEndpoints));
        ApiLog.BroadcastCancelled(logger, id, caller.KeyId);
        var (cancelled, progress) = await sender.ProgressAsync((await broadcasts.GetAsync(id, cancellationToken))!, cancellationToken);
        return TypedResults.Ok(BroadcastResponse.From(cancelled, progress));
    }
}
