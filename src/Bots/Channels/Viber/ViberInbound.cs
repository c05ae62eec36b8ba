using System.Globalization;
using Hromada.Core.Conversations;

namespace Hromada.Bots.Channels.Viber;

/// <summary>Turns a Viber "message" callback into the engine's inbound message.</summary>
internal static class ViberInbound
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic"];

    /// <returns>
    /// Null for message kinds the bot does not use (sticker, video, rich media, unknown) and for
    /// a contact without a number or a location without coordinates.
    /// </returns>
    public static InboundMessage? From(ViberCallback callback, string senderId, DateTimeOffset now)
    {
        var message = callback.Message!;
        var inbound = new InboundMessage(
            ChannelKind.Viber,
            callback.MessageToken!.Value.ToString(CultureInfo.InvariantCulture),
            senderId,
            senderId,
            ViberTime.Of(callback.Timestamp) ?? now)
        {
            LanguageCode = NullIfBlank(callback.Sender?.Language),
            DisplayName = NullIfBlank(callback.Sender?.Name)?.Trim(),
        };

        return message.Type switch
        {
            "text" when message.Text?.StartsWith(ViberRenderer.ButtonPrefix, StringComparison.Ordinal) == true =>
                inbound with { ButtonData = message.Text[ViberRenderer.ButtonPrefix.Length..] },
            "text" => inbound with { Text = NullIfBlank(message.Text) },

            // Viber sends a typed link as its own message type.
            "url" => inbound with { Text = NullIfBlank(message.Media) },

            // Anyone's contact card can be sent, so the number is never proof of the sender's own.
            "contact" when NullIfBlank(message.Contact?.PhoneNumber) is { } phone =>
                inbound with { Contact = new SharedContact(phone, ContactOwnership.Unproven) },
            "location" when message.Location is { } location =>
                inbound with { Location = new GeoPoint(location.Latitude, location.Longitude) },
            "picture" when NullIfBlank(message.Media) is { } media =>
                inbound with { PhotoId = media, Text = NullIfBlank(message.Text) },

            // A photo sent "as a file" is still a photo; other files have no place in a dialog yet,
            // so they arrive empty and the dialog asks its question again.
            "file" when IsImage(message.FileName) && NullIfBlank(message.Media) is { } media => inbound with { PhotoId = media },
            "file" => inbound,
            _ => null,
        };
    }

    private static bool IsImage(string? fileName) =>
        fileName is not null && ImageExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
