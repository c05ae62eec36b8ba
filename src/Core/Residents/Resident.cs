using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Subscriptions;

namespace Hromada.Core.Residents;

/// <summary>A person taking part in Hromada, reachable through one or more channel identities.</summary>
public sealed class Resident
{
    public required string Id { get; init; }

    public List<ChannelIdentity> Identities { get; init; } = [];

    public string? Name { get; set; }

    public string? CommunityId { get; set; }

    public List<string> Spheres { get; set; } = [];

    public Language Language { get; set; } = Language.Uk;

    public string? Phone { get; set; }

    /// <summary>True when the platform proved the phone number is the resident's own.</summary>
    public bool PhoneVerified { get; set; }

    public DateTimeOffset? ConsentedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when onboarding is completed; a resident without it is still being registered.</summary>
    public DateTimeOffset? RegisteredAt { get; set; }

    /// <summary>Optional, never asked at onboarding; only poll results by age group use it.</summary>
    public int? BirthYear { get; set; }

    /// <summary>Optional, never asked at onboarding; only poll results by gender use it.</summary>
    public Gender? Gender { get; set; }

    public ResidentStatus Status { get; set; } = ResidentStatus.Registered;

    /// <summary>The statuses earned within spheres, recomputed nightly; a sphere not listed is <see cref="ResidentStatus.Registered"/>.</summary>
    public Dictionary<string, ResidentStatus> SphereStatuses { get; set; } = [];

    /// <summary>What the resident chose with /subscribe; null until then (<see cref="Subscription.Of"/> gives the default).</summary>
    public Subscription? Subscription { get; set; }

    /// <summary>Set while a moderator has blocked the resident (/block): the bot then answers them only that they are blocked.</summary>
    public DateTimeOffset? BlockedAt { get; set; }

    public bool IsRegistered => RegisteredAt is not null;

    public bool IsBlocked => BlockedAt is not null;
}

/// <param name="ChatId">Where replies go on that channel.</param>
public sealed record ChannelIdentity(ChannelKind Channel, string PlatformUserId, string ChatId)
{
    /// <summary>False once the platform said the resident blocked the bot.</summary>
    public bool Reachable { get; init; } = true;

    public IdentityKey Key => new(Channel, PlatformUserId);
}

/// <summary>Participation statuses, lowest first (see DESIGN §5).</summary>
public enum ResidentStatus
{
    Registered,
    Responsible,
    LocalExpert,
    OpinionLeader,
}

public interface IResidentStore
{
    Task<Resident?> FindByIdentityAsync(IdentityKey identity, CancellationToken cancellationToken);

    Task<Resident?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The registered resident whose platform-verified phone is <paramref name="phone"/>, if any.</summary>
    Task<Resident?> FindByVerifiedPhoneAsync(string phone, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces the resident. One identity belongs to one resident only: saving an
    /// identity another resident holds throws <see cref="InvalidOperationException"/>.
    /// </summary>
    Task SaveAsync(Resident resident, CancellationToken cancellationToken);

    /// <summary>Records whether the platform can reach the identity (the bot blocked or unblocked), touching nothing else.</summary>
    /// <returns>False when no resident holds the identity.</returns>
    Task<bool> SetReachableAsync(IdentityKey identity, bool reachable, CancellationToken cancellationToken);

    Task DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Registered residents who follow any of <paramref name="communityIds"/> (the communities of
    /// <see cref="Subscription.Of"/>), or every registered resident when null: ascending by id, those
    /// after <paramref name="afterId"/>, at most <paramref name="limit"/>. Page on with the last id.
    /// </summary>
    Task<IReadOnlyList<Resident>> ListFollowingAsync(
        IReadOnlyCollection<string>? communityIds, string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>The residents of those ids that exist, in no particular order.</summary>
    Task<IReadOnlyList<Resident>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Registered residents of <paramref name="communityId"/> (every registered resident when null),
    /// read from the store page by page as they are consumed, so a sweep over 100,000 holds one page.
    /// </summary>
    IAsyncEnumerable<Resident> ListRegisteredAsync(string? communityId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores only <see cref="Resident.Status"/> and <see cref="Resident.SphereStatuses"/> of each
    /// resident, as one batch: a sweep never undoes a change made meanwhile (a profile edit, a joined
    /// app), and a resident deleted meanwhile stays deleted.
    /// </summary>
    Task SaveStatusesAsync(IReadOnlyCollection<Resident> residents, CancellationToken cancellationToken);
}
