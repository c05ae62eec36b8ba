using Hromada.Core.Communities;
using Hromada.Core.Events;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Core.Subscriptions;

/// <summary>How a resident wants news: stored by name.</summary>
public enum Delivery
{
    /// <summary>Each announcement as it comes (outside the quiet hours).</summary>
    AtOnce,

    DailyDigest,

    WeeklyDigest,
}

/// <summary>
/// What a resident wants to hear about (spheres and communities) and how (<see cref="Delivery"/>,
/// <see cref="QuietHours"/>). The national level concerns everyone, so it is always followed.
/// </summary>
public sealed record Subscription
{
    public IReadOnlyList<string> Spheres { get; init; } = [];

    /// <summary>Communities followed besides the national level; may be empty.</summary>
    public IReadOnlyList<string> Communities { get; init; } = [];

    public Delivery Delivery { get; init; } = Delivery.AtOnce;

    /// <summary>Null when the resident turned the quiet hours off.</summary>
    public QuietHours? QuietHours { get; init; } = QuietHours.Default;

    /// <summary>
    /// The resident's subscription, or, until they set one with /subscribe, the one onboarding implies:
    /// their spheres and their community, at once, quiet at night. The default follows later profile changes.
    /// </summary>
    public static Subscription Of(Resident resident) => resident.Subscription ?? new Subscription
    {
        Spheres = [.. resident.Spheres],
        Communities = resident.CommunityId is { } community && community != Community.NationalId ? [community] : [],
    };

    /// <summary>The followed communities and the national level: where events and polls are looked for.</summary>
    public IReadOnlyList<string> Places => [.. Communities.Append(Community.NationalId).Distinct()];

    /// <summary>
    /// Whether something of <paramref name="communityId"/> carrying <paramref name="spheres"/> is news
    /// for this resident: it is of a followed place, and it carries no sphere (it concerns everyone
    /// there) or one the resident follows.
    /// </summary>
    public bool Matches(string communityId, IReadOnlyCollection<string> spheres) =>
        Places.Contains(communityId) && (spheres.Count == 0 || spheres.Any(Spheres.Contains));

    public bool Matches(CivicEvent civicEvent) => Matches(civicEvent.CommunityId, civicEvent.Spheres);

    /// <summary>
    /// When a message Hromada sends unasked at <paramref name="now"/> may be delivered: null for at
    /// once, or the end of the quiet hours holding <paramref name="now"/> (the outbox's not-before).
    /// </summary>
    public DateTimeOffset? NotBefore(DateTimeOffset now) =>
        QuietHours?.NextOutside(now) is { } end && end > now ? end : null;

    public bool Matches(Poll poll) => Matches(poll.CommunityId, poll.Spheres);
}
