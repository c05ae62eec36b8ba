using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Hromada.Core.Conversations;

namespace Hromada.Bots.Channels.Dev;

/// <summary>
/// What the dev chat page posts for one resident's message. There is deliberately no channel field:
/// a dev-chat resident is always <see cref="ChannelKind.Dev"/> and can never act as a Telegram or
/// Viber identity, and an unknown field is refused rather than ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed partial record DevMessageRequest
{
    public const int MaxUserIdLength = 64;

    public string? UserId { get; init; }

    /// <summary>The name the simulated messenger shows; onboarding may suggest it.</summary>
    public string? Name { get; init; }

    public string? LanguageCode { get; init; }

    /// <summary>Set by a client that retries; a repeated id is accepted once. A new id is made when absent.</summary>
    public string? UpdateId { get; init; }

    public string? Text { get; init; }

    public string? ButtonData { get; init; }

    /// <summary>The dev chat's "share phone" button: the number counts as the sender's own.</summary>
    public DevContact? Contact { get; init; }

    public DevLocation? Location { get; init; }

    /// <summary>A small data URL or a file name standing in for a platform file id.</summary>
    public string? Photo { get; init; }

    public static string? ValidateUserId(string? userId) => userId switch
    {
        null or "" => "userId is required.",
        { Length: > MaxUserIdLength } => $"userId must be at most {MaxUserIdLength} characters.",
        _ when !UserIdPattern().IsMatch(userId) => "userId may hold only letters A-Z, digits, '_' and '-'.",
        _ => null,
    };

    /// <returns>Field errors keyed by JSON property name; empty when the request is valid.</returns>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string field, bool valid, string error)
        {
            if (!valid)
            {
                errors[field] = [error];
            }
        }

        if (ValidateUserId(UserId) is { } userIdError)
        {
            errors["userId"] = [userIdError];
        }

        Check("name", Name is null || Name.Length <= 128, "name must be at most 128 characters.");
        Check("languageCode", LanguageCode is null || LanguageCodePattern().IsMatch(LanguageCode), "languageCode must look like \"uk\" or \"en-US\".");
        Check("updateId", UpdateId is null || UpdateId.Length is > 0 and <= 128, "updateId must be 1 to 128 characters.");
        Check("text", Text is null || Text.Length <= 4096, "text must be at most 4096 characters.");
        Check("buttonData", ButtonData is null || ButtonData.Length <= 256, "buttonData must be at most 256 characters.");
        Check("contact", Contact is null || (Contact.PhoneNumber is { } phone && PhonePattern().IsMatch(phone)), "contact.phoneNumber must be a phone number such as +380501234567.");
        Check("location", Location is null || (Math.Abs(Location.Latitude) <= 90 && Math.Abs(Location.Longitude) <= 180), "location must have latitude -90..90 and longitude -180..180.");

        var hasContent = !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrEmpty(ButtonData) ||
            Contact is not null || Location is not null || !string.IsNullOrEmpty(Photo);
        Check("text", hasContent, "Nothing to send: give text, buttonData, contact, location or photo.");
        return errors;
    }

    public InboundMessage ToInbound(DateTimeOffset receivedAt) =>
        new(ChannelKind.Dev, UpdateId ?? Guid.NewGuid().ToString("N"), UserId!, UserId!, receivedAt)
        {
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text,
            ButtonData = string.IsNullOrEmpty(ButtonData) ? null : ButtonData,
            Contact = Contact is null ? null : new SharedContact(Contact.PhoneNumber!, ContactOwnership.SendersOwn),
            Location = Location is null ? null : new GeoPoint(Location.Latitude, Location.Longitude),
            PhotoId = string.IsNullOrEmpty(Photo) ? null : Photo,
            LanguageCode = LanguageCode,
            DisplayName = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
        };

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCodePattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()-]{4,30}$")]
    private static partial Regex PhonePattern();
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DevContact(string? PhoneNumber);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DevLocation
{
    public required double Latitude { get; init; }

    public required double Longitude { get; init; }
}
