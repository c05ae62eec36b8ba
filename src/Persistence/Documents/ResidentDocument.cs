using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;

namespace Hromada.Persistence.Documents;

internal sealed class ResidentDocument
{
    public string Id { get; set; } = "";

    public List<IdentityDocument> Identities { get; set; } = [];

    /// <summary>The identities as "telegram:123" strings, for a unique multikey index: one identity, one resident.</summary>
    public List<string> IdentityKeys { get; set; } = [];

    public string? Name { get; set; }

    public string? CommunityId { get; set; }

    public List<string> Spheres { get; set; } = [];

    public string Language { get; set; } = "";

    public string? Phone { get; set; }

    public bool PhoneVerified { get; set; }

    public DateTime? ConsentedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public int? BirthYear { get; set; }

    public string? Gender { get; set; }

    public string Status { get; set; } = "";

    /// <summary>Sphere id to status name; absent in documents stored before spheres had statuses.</summary>
    public Dictionary<string, string> SphereStatuses { get; set; } = [];

    public SubscriptionDocument? Subscription { get; set; }

    /// <summary>The communities of <see cref="Core.Subscriptions.Subscription.Of"/>, stored so one index finds a community's followers.</summary>
    public List<string> FollowedCommunities { get; set; } = [];

    public DateTime? BlockedAt { get; set; }

    public static string KeyOf(IdentityKey identity) =>
        DocumentFormat.Key(identity.Channel, identity.PlatformUserId);

    /// <summary>What both providers throw when a save would give an identity to a second resident.</summary>
    public static InvalidOperationException IdentityTaken(Exception? duplicateKey = null) =>
        new("One of the resident's identities belongs to another resident.", duplicateKey);

    public static ResidentDocument From(Resident resident) => new()
    {
        Id = resident.Id,
        Identities = [.. resident.Identities.Select(IdentityDocument.From)],
        IdentityKeys = [.. resident.Identities.Select(i => KeyOf(i.Key))],
        Name = resident.Name,
        CommunityId = resident.CommunityId,
        Spheres = [.. resident.Spheres],
        Language = resident.Language.ToString(),
        Phone = resident.Phone,
        PhoneVerified = resident.PhoneVerified,
        ConsentedAt = resident.ConsentedAt is { } consentedAt ? DocumentFormat.ToStored(consentedAt) : null,
        CreatedAt = DocumentFormat.ToStored(resident.CreatedAt),
        RegisteredAt = resident.RegisteredAt is { } registeredAt ? DocumentFormat.ToStored(registeredAt) : null,
        BirthYear = resident.BirthYear,
        Gender = resident.Gender?.ToString(),
        Status = resident.Status.ToString(),
        SphereStatuses = StoredSphereStatuses(resident),

        Subscription = resident.Subscription is { } subscription ? SubscriptionDocument.From(subscription) : null,
        FollowedCommunities = [.. Core.Subscriptions.Subscription.Of(resident).Communities],
        BlockedAt = resident.BlockedAt is { } blockedAt ? DocumentFormat.ToStored(blockedAt) : null,
    };

    public static Dictionary<string, string> StoredSphereStatuses(Resident resident) =>
        resident.SphereStatuses.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    public Resident ToResident() => new()
    {
        Id = Id,
        Identities = [.. Identities.Select(i => i.ToIdentity())],
        Name = Name,
        CommunityId = CommunityId,
        Spheres = [.. Spheres],
        Language = Enum.Parse<Language>(Language),
        Phone = Phone,
        PhoneVerified = PhoneVerified,
        ConsentedAt = ConsentedAt is { } consentedAt ? DocumentFormat.FromStored(consentedAt) : null,
        CreatedAt = DocumentFormat.FromStored(CreatedAt),
        RegisteredAt = RegisteredAt is { } registeredAt ? DocumentFormat.FromStored(registeredAt) : null,
        BirthYear = BirthYear,
        Gender = Gender is { } gender ? Enum.Parse<Gender>(gender) : null,
        Status = Enum.Parse<ResidentStatus>(Status),
        SphereStatuses = SphereStatuses.ToDictionary(pair => pair.Key, pair => Enum.Parse<ResidentStatus>(pair.Value)),

        Subscription = Subscription?.ToSubscription(),
        BlockedAt = BlockedAt is { } blockedAt ? DocumentFormat.FromStored(blockedAt) : null,
    };
}

internal sealed class IdentityDocument
{
    public string Channel { get; set; } = "";

    public string PlatformUserId { get; set; } = "";

    public string ChatId { get; set; } = "";

    public bool Reachable { get; set; }

    public static IdentityDocument From(ChannelIdentity identity) => new()
    {
        Channel = identity.Channel.ToString(),
        PlatformUserId = identity.PlatformUserId,
        ChatId = identity.ChatId,
        Reachable = identity.Reachable,
    };

    public ChannelIdentity ToIdentity() =>
        new(Enum.Parse<ChannelKind>(Channel), PlatformUserId, ChatId) { Reachable = Reachable };
}
