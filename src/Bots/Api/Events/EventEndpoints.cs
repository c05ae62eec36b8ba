using Hromada.Core.Communities;
using Hromada.Core.Events;
using Hromada.Core.Moderation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.Events;

/// <summary>
/// Events for integrations: create (stored, audited and announced by <see cref="EventPublishing"/>,
/// exactly as /newevent does), list, one event with its RSVP count (never who), and its calendar file,
/// the same bytes the bot sends. An event outside the key's communities is refused (403).
/// </summary>
internal static class EventEndpoints
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", ListAsync)
            .Validate<EventListQuery>()
            .WithName("ListEvents")
            .WithSummary("Events of the key's communities (or of one) starting in a window, soonest first; cancelled ones are left out.");
        events.MapPost("/", CreateAsync)
            .Validate<CreateEventRequest>()
            .WithName("CreateEvent")
            .WithSummary("Creates an event for a community the key reaches and announces it to matching subscribers, as /newevent does.");
        events.MapGet("/{id}", GetAsync)
            .WithName("GetEvent")
            .WithSummary("One event, with how many residents answered that they come.");
        events.MapGet("/{id}.ics", CalendarAsync)
            .Produces<byte[]>(StatusCodes.Status200OK, EventCalendarFile.ContentType)
            .WithName("GetEventCalendarFile")
            .WithSummary("The event as an RFC 5545 calendar file, the one the bot sends residents.");
        return events;
    }

    private static async Task<Results<Ok<EventPageResponse>, ForbidHttpResult>> ListAsync(
        [AsParameters] EventListQuery query,
        ApiCaller caller,
        IEventStore events,
        IRsvpStore rsvps,
        CommunityDirectory communities,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (query.Community is { } community && !caller.Covers(community))
        {
            return TypedResults.Forbid();
        }

        var (offset, limit) = (query.Offset ?? 0, query.Limit ?? EventListQuery.DefaultLimit);
        var to = IsoTime.Parse(query.To);
        // The store lists from a start, soonest first: the window's events are a prefix of that list.
        var upcoming = await events.ListUpcomingAsync(
            query.Community is { } one ? [one] : caller.CommunityIds(communities),
            IsoTime.Parse(query.From) ?? time.GetUtcNow(),
            offset + limit,
            cancellationToken);
        var items = new List<EventResponse>();
        foreach (var civicEvent in upcoming.Skip(offset).TakeWhile(civicEvent => to is null || civicEvent.StartsAt < to))
        {
            items.Add(EventResponse.From(civicEvent, await rsvps.CountGoingAsync(civicEvent.Id, cancellationToken)));
        }

        return TypedResults.Ok(new EventPageResponse(items, offset, limit));
    }

    /// <summary>
    /// The key acts as a moderator of its communities: <see cref="EventPublishing"/> refuses (and
    /// audits) another community, stores the event, audits it as "api:&lt;key id&gt;" and announces it.
    /// </summary>
    private static async Task<Results<Created<EventCreatedResponse>, ForbidHttpResult>> CreateAsync(
        CreateEventRequest request,
        ApiCaller caller,
        EventPublishing publishing,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var by = caller.AsModerator();
        var civicEvent = new CivicEvent
        {
            Id = Guid.NewGuid().ToString("N"),
            CommunityId = request.CommunityId!,
            Spheres = [.. (request.Spheres ?? []).Distinct()],
            Type = request.ParsedType!.Value,
            Title = request.Title!.Trim(),
            StartsAt = IsoTime.Parse(request.StartsAt)!.Value,
            EndsAt = IsoTime.Parse(request.EndsAt),
            Place = request.Place!.Trim(),
            CreatedBy = by.Actor.AuthorId,
            CreatedAt = time.GetUtcNow(),
        };
        var published = await publishing.PublishAsync(by, civicEvent, cancellationToken);
        if (published.Outcome != ModerationOutcome.Done)
        {
            return TypedResults.Forbid();
        }

        var logger = loggers.CreateLogger(typeof(EventEndpoints));
        ApiLog.EventCreated(logger, civicEvent.Id, civicEvent.CommunityId, published.Announced, caller.KeyId);
        return TypedResults.Created(
            $"{ApiServiceCollectionExtensions.BasePath}/events/{civicEvent.Id}",
            new EventCreatedResponse(EventResponse.From(civicEvent, going: 0), published.Announced));
    }

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult, ForbidHttpResult>> GetAsync(
        string id, ApiCaller caller, IEventStore events, IRsvpStore rsvps, CancellationToken cancellationToken) =>
        await events.GetAsync(id, cancellationToken) switch
        {
            null => ApiProblems.NotFound("event", id),
            { } civicEvent when !caller.Covers(civicEvent.CommunityId) => TypedResults.Forbid(),
            { } civicEvent => TypedResults.Ok(EventResponse.From(civicEvent, await rsvps.CountGoingAsync(civicEvent.Id, cancellationToken))),
        };

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ForbidHttpResult>> CalendarAsync(
        string id, ApiCaller caller, IEventStore events, CancellationToken cancellationToken)
    {
        switch (await events.GetAsync(id, cancellationToken))
        {
            case null:
                return ApiProblems.NotFound("event", id);
            case { } civicEvent when !caller.Covers(civicEvent.CommunityId):
                return TypedResults.Forbid();
            case { } civicEvent:
                var file = EventCalendarFile.For(civicEvent);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
    }
}
