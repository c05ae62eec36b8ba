using System.Globalization;
using Hromada.Core.Conversations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>What an update means to Hromada.</summary>
internal abstract record TelegramUpdateMeaning
{
    private TelegramUpdateMeaning()
    {
    }

    /// <summary>A resident's message for the conversation engine.</summary>
    public sealed record Message(InboundMessage Inbound) : TelegramUpdateMeaning;

    /// <summary>The resident blocked the bot (false) or started it again (true).</summary>
    public sealed record ReachabilityChanged(IdentityKey Identity, bool Reachable) : TelegramUpdateMeaning;

    /// <summary>Nothing the bot acts on; the reason is for the log.</summary>
    public sealed record Ignored(string Reason) : TelegramUpdateMeaning;
}

/// <summary>
/// Turns a Telegram update into Hromada's normalized message. Pure: no I/O, no clock, so every
/// update kind is unit-tested. Only private chats reach a dialog; groups and channels are ignored.
/// </summary>
internal static class TelegramUpdateMapper
{
    private static readonly HashSet<MessageType> SentByResident =
    [
        MessageType.Text, MessageType.Photo, MessageType.Document, MessageType.Contact, MessageType.Location,
        MessageType.Venue, MessageType.Sticker, MessageType.Voice, MessageType.Audio, MessageType.Video,
        MessageType.VideoNote, MessageType.Animation, MessageType.Dice, MessageType.Poll,
    ];

    public static TelegramUpdateMeaning Map(Update update, DateTimeOffset receivedAt)
    {
        var updateId = update.Id.ToString(CultureInfo.InvariantCulture);
        if (MissingPart(update) is { } missing)
        {
            return new TelegramUpdateMeaning.Ignored($"malformed update: no {missing}");
        }

        return update switch
        {
            { Message: { } message } => MapMessage(message, updateId, receivedAt),
            { CallbackQuery: { } query } => MapCallback(query, updateId, receivedAt),
            { MyChatMember: { } change } => MapMemberChange(change),
            _ => new TelegramUpdateMeaning.Ignored($"update kind {update.Type}"),
        };
    }

    /// <summary>
    /// Telegram always sends these parts, and the Bot API types declare them so; a body that parses
    /// without them came from elsewhere, and is ignored rather than failing on it.
    /// </summary>
    private static string? MissingPart(Update update) => update switch
    {
        { Message.Chat: null } => "message.chat",
        { CallbackQuery.From: null } => "callback_query.from",
        { MyChatMember: { Chat: null } or { From: null } or { NewChatMember: null } } => "chat, from or new_chat_member in my_chat_member",
        _ => null,
    };

    private static TelegramUpdateMeaning MapMessage(Message message, string updateId, DateTimeOffset receivedAt)
    {
        // Channel posts and anonymous group admins have no from; bots never take part.
        if (message.Chat.Type != ChatType.Private || message.From is not { IsBot: false } from)
        {
            return new TelegramUpdateMeaning.Ignored($"message in a {message.Chat.Type} chat");
        }

        var inbound = NewInbound(from, message.Chat.Id, updateId, receivedAt) with
        {
            Text = message.Text ?? message.Caption,
            Contact = message.Contact is { PhoneNumber: { } phone } contact
                ? new SharedContact(
                    NormalizePhone(phone),
                    contact.UserId == from.Id ? ContactOwnership.SendersOwn : ContactOwnership.SomebodyElses)
                : null,

            // A venue carries its location too; taking the venue's keeps the place the resident picked.
            Location = (message.Venue?.Location ?? message.Location) is { } point
                ? new GeoPoint(point.Latitude, point.Longitude)
                : null,
            PhotoId = LargestPhoto(message) ?? ImageDocument(message),
        };

        // Content no dialog reads (a sticker, a voice note) still gets an answer; service messages do not.
        return SentByResident.Contains(message.Type)
            ? new TelegramUpdateMeaning.Message(inbound)
            : new TelegramUpdateMeaning.Ignored($"message of type {message.Type}");
    }

    private static TelegramUpdateMeaning MapCallback(CallbackQuery query, string updateId, DateTimeOffset receivedAt)
    {
        if (query.From.IsBot || string.IsNullOrEmpty(query.Data))
        {
            return new TelegramUpdateMeaning.Ignored("callback query without data");
        }

        // A button under an inline-mode message has no message; the resident's private chat has their user id.
        var chat = query.Message?.Chat;
        if (chat is not null && chat.Type != ChatType.Private)
        {
            return new TelegramUpdateMeaning.Ignored($"callback query in a {chat.Type} chat");
        }

        var inbound = NewInbound(query.From, chat?.Id ?? query.From.Id, updateId, receivedAt) with { ButtonData = query.Data };
        return new TelegramUpdateMeaning.Message(inbound);
    }

    private static TelegramUpdateMeaning MapMemberChange(ChatMemberUpdated change)
    {
        if (change.Chat.Type != ChatType.Private)
        {
            return new TelegramUpdateMeaning.Ignored($"membership change in a {change.Chat.Type} chat");
        }

        var identity = new IdentityKey(ChannelKind.Telegram, change.From.Id.ToString(CultureInfo.InvariantCulture));
        return change.NewChatMember.Status switch
        {
            ChatMemberStatus.Kicked => new TelegramUpdateMeaning.ReachabilityChanged(identity, Reachable: false),
            ChatMemberStatus.Member => new TelegramUpdateMeaning.ReachabilityChanged(identity, Reachable: true),
            var status => new TelegramUpdateMeaning.Ignored($"membership status {status}"),
        };
    }

    private static InboundMessage NewInbound(User from, long chatId, string updateId, DateTimeOffset receivedAt) =>
        new(
            ChannelKind.Telegram,
            updateId,
            from.Id.ToString(CultureInfo.InvariantCulture),
            chatId.ToString(CultureInfo.InvariantCulture),
            receivedAt)
        {
            LanguageCode = from.LanguageCode,
            DisplayName = string.IsNullOrWhiteSpace(from.FirstName) ? null : from.FirstName.Trim(),
        };

    /// <summary>Telegram sends each photo in several sizes; the largest is the one to keep.</summary>
    private static string? LargestPhoto(Message message) =>
        message.Photo is { Length: > 0 } sizes
            ? sizes.MaxBy(size => (long)size.Width * size.Height)!.FileId
            : null;

    /// <summary>A picture sent "as a file" (uncompressed) is still a photo to a dialog.</summary>
    private static string? ImageDocument(Message message) =>
        message.Document is { MimeType: { } mime } document && mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            ? document.FileId
            : null;

    /// <summary>Apps send the own number with or without "+"; stored numbers always carry it.</summary>
    private static string NormalizePhone(string phone)
    {
        var trimmed = phone.Trim().Replace(" ", "", StringComparison.Ordinal);
        return trimmed.StartsWith('+') ? trimmed : "+" + trimmed;
    }
}
