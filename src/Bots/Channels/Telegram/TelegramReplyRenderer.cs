using System.Text;
using Hromada.Core.Conversations;
using Telegram.Bot.Types.ReplyMarkups;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>One Bot API call that shows (part of) a reply.</summary>
internal abstract record TelegramPart(ReplyMarkup? Markup)
{
    public sealed record Text(string Content, ReplyMarkup? Markup) : TelegramPart(Markup);

    public sealed record Photo(string Source, string? Caption, ReplyMarkup? Markup) : TelegramPart(Markup);

    public sealed record Document(ReplyDocument File, string? Caption, ReplyMarkup? Markup) : TelegramPart(Markup);
}

/// <summary>
/// Renders a channel-neutral reply as Bot API calls: buttons as an inline keyboard, a contact or
/// location request as a reply keyboard, text over Telegram's limits split with the keyboard under the last part.
/// Pure, so the limits are unit-tested.
/// </summary>
internal static class TelegramReplyRenderer
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;
    public const int MaxCallbackDataBytes = 64;

    public static IReadOnlyList<TelegramPart> Render(OutboundReply reply)
    {
        var markup = Markup(reply);
        var media = new List<TelegramPart>();
        if (reply.PhotoUrl is { Length: > 0 } photo)
        {
            media.Add(new TelegramPart.Photo(photo, null, null));
        }

        if (reply.Document is { } document)
        {
            media.Add(new TelegramPart.Document(document, null, null));
        }

        // The text fits as the caption of the last picture or file: one message, keyboard included.
        if (media.Count > 0 && reply.Text.Length <= MaxCaptionLength)
        {
            var caption = string.IsNullOrWhiteSpace(reply.Text) ? null : reply.Text;
            media[^1] = media[^1] switch
            {
                TelegramPart.Photo last => last with { Caption = caption, Markup = markup },
                TelegramPart.Document last => last with { Caption = caption, Markup = markup },
                var other => other,
            };
            return media;
        }

        var texts = Split(reply.Text, MaxTextLength).Select(part => (TelegramPart)new TelegramPart.Text(part, null)).ToList();
        if (texts.Count > 0)
        {
            texts[^1] = ((TelegramPart.Text)texts[^1]) with { Markup = markup };
        }

        return [.. media, .. texts];
    }

    /// <summary>
    /// Cuts <paramref name="text"/> into parts of at most <paramref name="limit"/> UTF-16 code units
    /// (Telegram's unit), at a line break or space where one is near, never inside a surrogate pair.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > limit)
        {
            var window = rest[..limit];
            var cut = window.LastIndexOf('\n');
            if (cut < limit / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            var separator = cut >= limit / 2;
            if (!separator)
            {
                cut = char.IsHighSurrogate(rest[limit - 1]) ? limit - 1 : limit;
            }

            parts.Add(rest[..cut].ToString());
            rest = rest[(separator ? cut + 1 : cut)..];
        }

        if (!rest.IsWhiteSpace())
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static ReplyMarkup? Markup(OutboundReply reply)
    {
        if (reply.RequestsContact || reply.RequestsLocation)
        {
            // Contact and location buttons exist only in a reply keyboard; the other buttons come back as their labels.
            var rows = new List<KeyboardButton[]>();
            if (reply.ContactButtonLabel is { } contactLabel)
            {
                rows.Add([new KeyboardButton(contactLabel) { RequestContact = true }]);
            }

            if (reply.LocationButtonLabel is { } locationLabel)
            {
                rows.Add([new KeyboardButton(locationLabel) { RequestLocation = true }]);
            }

            rows.AddRange(reply.Buttons.Select(row => row.Select(button => new KeyboardButton(button.Label)).ToArray()));
            return new ReplyKeyboardMarkup(rows) { ResizeKeyboard = true, OneTimeKeyboard = true };
        }

        if (reply.Buttons.Count == 0)
        {
            return null;
        }

        return new InlineKeyboardMarkup(reply.Buttons.Select(row => row.Select(InlineButton).ToArray()).ToArray());
    }

    /// <summary>Core keeps button data short; data over Telegram's 64 bytes is a bug, never silently cut.</summary>
    private static InlineKeyboardButton InlineButton(ReplyButton button)
    {
        var bytes = Encoding.UTF8.GetByteCount(button.Data);
        if (bytes is 0 or > MaxCallbackDataBytes)
        {
            throw new InvalidOperationException(
                $"Button data must be 1 to {MaxCallbackDataBytes} bytes in UTF-8 for Telegram; \"{button.Data}\" is {bytes}.");
        }

        return InlineKeyboardButton.WithCallbackData(button.Label, button.Data);
    }
}
