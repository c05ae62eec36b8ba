namespace Hromada.Core.Conversations;

/// <summary>The channels a resident can reach Hromada from; stored by name.</summary>
public enum ChannelKind
{
    Dev,
    Telegram,
    Viber,
}

/// <summary>One platform update, normalized by a channel adapter.</summary>
/// <param name="UpdateId">The platform's id of the update; unique per channel, so a retried delivery is recognised.</param>
public sealed record InboundMessage(
    ChannelKind Channel,
    string UpdateId,
    string PlatformUserId,
    string ChatId,
    DateTimeOffset ReceivedAt)
{
    public string? Text { get; init; }

    /// <summary>The data of a pressed button.</summary>
    public string? ButtonData { get; init; }

    public SharedContact? Contact { get; init; }

    public GeoPoint? Location { get; init; }

    /// <summary>A platform file id or URL of a sent photo.</summary>
    public string? PhotoId { get; init; }

    /// <summary>The platform's language code of the resident's app, such as "uk" or "en-US".</summary>
    public string? LanguageCode { get; init; }

    /// <summary>The name the platform shows for the resident; a suggestion for onboarding only.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The identity of the sender across Hromada: channel and platform user id.</summary>
    public IdentityKey Sender => new(Channel, PlatformUserId);
}

public sealed record SharedContact(string PhoneNumber, ContactOwnership Ownership)
{
    public bool IsSendersOwn => Ownership == ContactOwnership.SendersOwn;
}

/// <summary>What the platform proves about whose number a shared contact is.</summary>
public enum ContactOwnership
{
    /// <summary>The platform proves the number is the sender's (Telegram: contact.user_id == from.id).</summary>
    SendersOwn,

    /// <summary>The platform proves it is somebody else's.</summary>
    SomebodyElses,

    /// <summary>The platform proves nothing either way (Viber): kept, but not as a verified phone.</summary>
    Unproven,
}

public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>A resident's identity on one channel; the key of their conversation session.</summary>
public readonly record struct IdentityKey(ChannelKind Channel, string PlatformUserId)
{
    public override string ToString() => $"{Channel.ToString().ToLowerInvariant()}:{PlatformUserId}";
}
