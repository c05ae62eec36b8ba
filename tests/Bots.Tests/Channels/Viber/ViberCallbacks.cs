using System.Globalization;
using System.Text.Json;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>Webhook bodies shaped exactly as Viber sends them (timestamps in ms, tokens above 2^53).</summary>
internal static class ViberCallbacks
{
    public const long Timestamp = 1_457_764_197_627;

    private static long _nextToken = 5_000_000_000_000_000_001;

    public static long NextToken() => Interlocked.Add(ref _nextToken, 2);

    public static string Webhook() =>
        $$"""{"event":"webhook","timestamp":{{Timestamp}},"chat_hostname":"SN-376_","message_token":{{NextToken()}}}""";

    public static string ConversationStarted(string userId, string name = "Аліса", string language = "uk-UA", bool subscribed = false) =>
        $$"""{"event":"conversation_started","timestamp":{{Timestamp}},"chat_hostname":"SN-376_","message_token":{{NextToken()}},"type":"open","context":"","user":{"id":{{Quote(userId)}},"name":{{Quote(name)}},"avatar":"https://media-direct.cdn.viber.com/download_photo?dlid=abc","language":{{Quote(language)}},"country":"UA","api_version":10},"subscribed":{{(subscribed ? "true" : "false")}}}""";

    public static string Subscribed(string userId) =>
        $$"""{"event":"subscribed","timestamp":{{Timestamp}},"chat_hostname":"SN-376_","user":{"id":{{Quote(userId)}},"name":"Аліса","avatar":"https://media-direct.cdn.viber.com/download_photo?dlid=abc","country":"UA","language":"uk","api_version":10},"message_token":{{NextToken()}}}""";

    public static string Unsubscribed(string userId) =>
        $$"""{"event":"unsubscribed","timestamp":{{Timestamp}},"chat_hostname":"SN-376_","user_id":{{Quote(userId)}},"message_token":{{NextToken()}}}""";

    public static string Receipt(string kind, string userId, string messageToken) =>
        $$"""{"event":{{Quote(kind)}},"timestamp":{{Timestamp}},"chat_hostname":"SN-376_","message_token":{{messageToken}},"user_id":{{Quote(userId)}}}""";

    public static string Failed(string userId, string messageToken) =>
        $$"""{"event":"failed","timestamp":{{Timestamp}},"chat_hostname":"SN-376_","message_token":{{messageToken}},"user_id":{{Quote(userId)}},"desc":"failure description"}""";

    /// <summary>A "message" callback around <paramref name="message"/> (the inner message object's JSON).</summary>
    public static string Message(string userId, string message, long? token = null, string name = "Аліса", string language = "uk-UA") =>
        $$"""{"event":"message","timestamp":{{Timestamp}},"chat_hostname":"SN-376_","message_token":{{token ?? NextToken()}},"sender":{"id":{{Quote(userId)}},"name":{{Quote(name)}},"avatar":"https://media-direct.cdn.viber.com/download_photo?dlid=abc","language":{{Quote(language)}},"country":"UA","api_version":10},"message":{{message}},"silent":false}""";

    public static string Text(string text) => $$"""{"type":"text","text":{{Quote(text)}}}""";

    public static string Contact(string phone) =>
        $$$"""{"type":"contact","contact":{"name":"Аліса","phone_number":{{{Quote(phone)}}},"avatar":"https://media-direct.cdn.viber.com/download_photo?dlid=abc"}}""";

    public static string Location(double latitude, double longitude) =>
        $$$"""{"type":"location","location":{"lat":{{{Number(latitude)}}},"lon":{{{Number(longitude)}}},"address":"Kamianske"}}""";

    public static string Picture(string media, string caption = "") =>
        $$"""{"type":"picture","text":{{Quote(caption)}},"media":{{Quote(media)}},"thumbnail":"https://dl-media.viber.com/5/media/2/short/any/sig/image/0x0/thumb.jpg","file_name":"photo.jpg","size":120535}""";

    public static string File(string media, string fileName) =>
        $$"""{"type":"file","media":{{Quote(media)}},"file_name":{{Quote(fileName)}},"size":30219}""";

    public static string Sticker() =>
        """{"type":"sticker","sticker_id":46105,"media":"https://viber-stickers.example/46105.png"}""";

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
