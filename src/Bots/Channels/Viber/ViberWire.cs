using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hromada.Bots.Channels.Viber;

/// <summary>
/// The Viber REST bot API's JSON, with the wire names spelled out (snake_case for messages,
/// PascalCase for keyboards). Message tokens exceed 2^53, so they are <see cref="long"/>, never double.
/// </summary>
internal static class ViberJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

/// <summary>A message to send; without <see cref="Receiver"/> it is the synchronous reply to conversation_started.</summary>
internal sealed record ViberOutgoingMessage
{
    [JsonPropertyName("receiver")]
    public string? Receiver { get; init; }

    [JsonPropertyName("min_api_version")]
    public int? MinApiVersion { get; init; }

    [JsonPropertyName("sender")]
    public required ViberBotSender Sender { get; init; }

    [JsonPropertyName("tracking_data")]
    public string? TrackingData { get; init; }

    /// <summary>text, picture or file.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("media")]
    public string? Media { get; init; }

    [JsonPropertyName("size")]
    public long? Size { get; init; }

    [JsonPropertyName("file_name")]
    public string? FileName { get; init; }

    [JsonPropertyName("keyboard")]
    public ViberKeyboard? Keyboard { get; init; }
}

internal sealed record ViberBotSender(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("avatar")] string? Avatar);

internal sealed record ViberKeyboard(
    [property: JsonPropertyName("Buttons")] IReadOnlyList<ViberButton> Buttons)
{
    [JsonPropertyName("Type")]
    public string Type { get; init; } = "keyboard";

    /// <summary>False: a short keyboard takes only the height it needs.</summary>
    [JsonPropertyName("DefaultHeight")]
    public bool DefaultHeight { get; init; }
}

internal sealed record ViberButton
{
    /// <summary>Width in sixths of the keyboard (1 to 6).</summary>
    [JsonPropertyName("Columns")]
    public required int Columns { get; init; }

    [JsonPropertyName("Rows")]
    public int Rows { get; init; } = 1;

    /// <summary>reply (the body comes back as a text message) or share-phone.</summary>
    [JsonPropertyName("ActionType")]
    public required string ActionType { get; init; }

    [JsonPropertyName("ActionBody")]
    public required string ActionBody { get; init; }

    [JsonPropertyName("Text")]
    public required string Text { get; init; }

    [JsonPropertyName("TextSize")]
    public string TextSize { get; init; } = "regular";

    /// <summary>A silent press is not shown in the chat as the resident's message (it would show the raw body).</summary>
    [JsonPropertyName("Silent")]
    public bool? Silent { get; init; }
}

/// <summary>The answer of every API method: status 0 is success, anything else names the problem.</summary>
internal sealed record ViberResponse
{
    [JsonPropertyName("status")]
    public int Status { get; init; }

    [JsonPropertyName("status_message")]
    public string? StatusMessage { get; init; }

    /// <summary>send_message: the sent message's token, above 2^53.</summary>
    [JsonPropertyName("message_token")]
    public long? MessageToken { get; init; }

    [JsonPropertyName("chat_hostname")]
    public string? ChatHostname { get; init; }

    /// <summary>get_account_info: the webhook Viber currently calls.</summary>
    [JsonPropertyName("webhook")]
    public string? Webhook { get; init; }

    /// <summary>get_account_info: the account's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    public bool IsOk => Status == ViberStatus.Ok;
}

/// <summary>The Viber status codes the bot acts on (the API's error code table).</summary>
internal static class ViberStatus
{
    public const int Ok = 0;
    public const int ReceiverNotRegistered = 5;
    public const int ReceiverNotSubscribed = 6;
    public const int ReceiverNoSuitableDevice = 11;
    public const int TooManyRequests = 12;
}

internal sealed record ViberSetWebhookRequest(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("event_types")] IReadOnlyList<string> EventTypes,
    [property: JsonPropertyName("send_name")] bool SendName,
    [property: JsonPropertyName("send_photo")] bool SendPhoto);

/// <summary>
/// One callback to the webhook. Viber names the person <c>sender</c> (message), <c>user</c>
/// (conversation_started, subscribed) or <c>user_id</c> (unsubscribed, delivered, seen, failed).
/// </summary>
internal sealed record ViberCallback
{
    [JsonPropertyName("event")]
    public string? Event { get; init; }

    /// <summary>Milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; init; }

    [JsonPropertyName("message_token")]
    public long? MessageToken { get; init; }

    [JsonPropertyName("sender")]
    public ViberUser? Sender { get; init; }

    [JsonPropertyName("user")]
    public ViberUser? User { get; init; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    [JsonPropertyName("message")]
    public ViberInboundMessage? Message { get; init; }

    /// <summary>conversation_started: whether the user is already subscribed.</summary>
    [JsonPropertyName("subscribed")]
    public bool? Subscribed { get; init; }

    /// <summary>conversation_started: the deep link's context parameter.</summary>
    [JsonPropertyName("context")]
    public string? Context { get; init; }

    /// <summary>failed: why.</summary>
    [JsonPropertyName("desc")]
    public string? Description { get; init; }
}

internal sealed record ViberUser
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Such as "uk", "uk-UA" or "en".</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    [JsonPropertyName("country")]
    public string? Country { get; init; }

    [JsonPropertyName("api_version")]
    public int? ApiVersion { get; init; }
}

internal sealed record ViberInboundMessage
{
    /// <summary>text, picture, video, file, sticker, contact, url, location or rich_media.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("media")]
    public string? Media { get; init; }

    [JsonPropertyName("file_name")]
    public string? FileName { get; init; }

    [JsonPropertyName("size")]
    public long? Size { get; init; }

    [JsonPropertyName("contact")]
    public ViberContact? Contact { get; init; }

    [JsonPropertyName("location")]
    public ViberLocation? Location { get; init; }

    [JsonPropertyName("tracking_data")]
    public string? TrackingData { get; init; }
}

internal sealed record ViberContact(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("phone_number")] string? PhoneNumber);

internal sealed record ViberLocation(
    [property: JsonPropertyName("lat")] double Latitude,
    [property: JsonPropertyName("lon")] double Longitude);
