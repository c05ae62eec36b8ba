using Hromada.Bots.Api.Polls;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bots.Api.Events;

/// <summary>GET /events: the events of the key's communities (or of one) starting in a window, soonest first.</summary>
/// <param name="Community">A community id the key reaches; all the key's communities (and the national level, when it reaches it) when left out.</param>
/// <param name="From">Events starting after this time (ISO 8601 with offset); now when left out.</param>
/// <param name="To">Events starting before this time (ISO 8601 with offset); no end when left out.</param>
public sealed record EventListQuery(
    [FromQuery(Name = "community")] string? Community,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "offset")] int? Offset,
    [FromQuery(Name = "limit")] int? Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>The store reads a window's events from its start, so a page lies at most this deep.</summary>
    public const int MaxOffset = 10_000;
}

/// <summary>POST /events: an event to store and announce to the residents whose subscriptions it matches.</summary>
/// <param name="Type">publicHearing, councilSession, committeeMeeting, consultation, training or action.</param>
/// <param name="StartsAt">ISO 8601 with its offset, such as 2026-11-30T18:00:00+02:00; in the future, at most a year and a half ahead.</param>
/// <param name="EndsAt">Optional, ISO 8601 with its offset; after the start, within <see cref="CreateEventRequestValidator.MaxDuration"/>.</param>
/// <param name="Place">An address, a hall, or "online".</param>
/// <param name="Spheres">Sphere ids; an event without spheres concerns every follower of its community.</param>
public sealed record CreateEventRequest(
    string? CommunityId,
    string? Title,
    string? Type,
    string? StartsAt,
    string? EndsAt,
    string? Place,
    IReadOnlyList<string>? Spheres)
{
    internal EventType? ParsedType => EnumName.Parse<EventType>(Type);
}

/// <summary>An event as integrations see it: never who answered that they come, only how many.</summary>
/// <param name="StartsAt">In UTC.</param>
/// <param name="StartsAtKyiv">The same moment on the Kyiv wall clock, with Kyiv's offset then: the time residents read.</param>
/// <param name="Cancelled">A cancelled event is no longer listed; it is still found by its id.</param>
/// <param name="Going">How many residents answered that they come.</param>
public sealed record EventResponse(
    string Id,
    string CommunityId,
    string Type,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset StartsAtKyiv,
    DateTimeOffset? EndsAt,
    DateTimeOffset? EndsAtKyiv,
    string Place,
    IReadOnlyList<string> Spheres,
    bool Cancelled,
    DateTimeOffset CreatedAt,
    int Going)
{
    public static EventResponse From(CivicEvent civicEvent, int going) => new(
        civicEvent.Id,
        civicEvent.CommunityId,
        EnumName.Of(civicEvent.Type),
        civicEvent.Title,
        civicEvent.StartsAt.ToUniversalTime(),
        KyivTime.ToKyiv(civicEvent.StartsAt),
        civicEvent.EndsAt?.ToUniversalTime(),
        civicEvent.EndsAt is { } endsAt ? KyivTime.ToKyiv(endsAt) : null,
        civicEvent.Place,
        civicEvent.Spheres,
        civicEvent.Cancelled,
        civicEvent.CreatedAt.ToUniversalTime(),
        going);
}

/// <summary>The created event, and how many subscribers its announcement was queued for (inside their quiet hours it waits until they end).</summary>
public sealed record EventCreatedResponse(EventResponse Event, int Announced);

public sealed record EventPageResponse(IReadOnlyList<EventResponse> Items, int Offset, int Limit);
