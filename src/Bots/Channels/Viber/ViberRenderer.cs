using System.Text;
using Hromada.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Channels.Viber;

/// <summary>
/// Renders a channel-neutral reply as the Viber messages that carry it, in order: an optional
/// picture, the text (split at 7000 characters), a text document's content; the keyboard rides on
/// the last one.
/// </summary>
/// <remarks>
/// Buttons are Viber "reply" buttons whose ActionBody is <see cref="ButtonPrefix"/> + the button
/// data, marked Silent: Viber sends a pressed button back as a text message with the ActionBody,
/// so the prefix is how the webhook tells a press (ButtonData) from typed text, and Silent keeps the
/// raw data out of the chat. A keyboard holds at most 24 buttons; a longer list shows the first
/// page and a "more" button whose body (<see cref="PagePrefix"/> + outbox id) asks for the rest.
/// </remarks>
internal sealed partial class ViberRenderer(IOptions<ViberOptions> options, ILogger<ViberRenderer> logger)
{
    public const string ButtonPrefix = "btn:";
    public const string PagePrefix = "page:";
    public const int MaxTextLength = 7000;
    public const int MaxPictureTextLength = 768;
    public const int MaxButtons = 24;
    public const int MaxButtonTextLength = 250;
    public const string MoreLabel = "➡️";

    /// <summary>share-phone and location-picker buttons need api level 3 (Viber 7.6 and later).</summary>
    private const int KeyboardApiVersion = 3;

    private const int Columns = 6;
    private const int MaxButtonsPerRow = 3;

    public IReadOnlyList<ViberOutgoingMessage> Render(OutboxMessage message)
    {
        var reply = message.Reply;
        var texts = new List<string>(Split(reply.Text));
        var messages = new List<ViberOutgoingMessage>();

        if (reply.PhotoUrl is { } photo)
        {
            if (IsPublicUrl(photo))
            {
                // A short text becomes the picture's caption; a long one follows it.
                var caption = texts.Count == 1 && texts[0].Length <= MaxPictureTextLength ? texts[0] : "";
                if (caption.Length > 0)
                {
                    texts.Clear();
                }

                messages.Add(Message(message.ChatId, "picture") with { Text = caption, Media = photo });
            }
            else
            {
                LogPhotoSkipped(message.Id);
            }
        }

        if (reply.Document is { } document)
        {
            if (IsText(document.ContentType))
            {
                texts.AddRange(Split(Encoding.UTF8.GetString(document.Content)));
            }
            else
            {
                LogDocumentSkipped(message.Id, document.ContentType);
            }
        }

        messages.AddRange(texts.Where(text => text.Length > 0).Select(text => Message(message.ChatId, "text") with { Text = text }));
        if (messages.Count > 0 && Keyboard(message.Id, reply) is { } keyboard)
        {
            messages[^1] = messages[^1] with { Keyboard = keyboard, MinApiVersion = KeyboardApiVersion };
        }

        return messages;
    }

    /// <summary>The reply for the "more" button: the same question with the buttons the first page left out.</summary>
    public static OutboundReply? NextPage(OutboundReply reply)
    {
        var rows = reply.Buttons.Where(row => row.Count > 0).ToList();
        var capacity = Capacity(reply);
        if (rows.Sum(row => row.Count) <= capacity)
        {
            return null;
        }

        return new OutboundReply(Split(reply.Text)[^1]) { Buttons = Skip(rows, capacity - 1) };
    }

    /// <summary>The message Viber shows in answer to conversation_started (it has no receiver).</summary>
    public ViberOutgoingMessage Welcome(OutboundReply reply) =>
        Message(receiver: null, "text") with
        {
            Text = Split(reply.Text)[0],
            Keyboard = Keyboard(outboxId: 0, reply),
            MinApiVersion = KeyboardApiVersion,
        };

    /// <summary>Splits at 7000 characters, preferring a paragraph, then a line, then a space.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > MaxTextLength)
        {
            var window = rest[..MaxTextLength];
            var cut = BestCut(window);
            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        parts.Add(rest.ToString());
        return parts;
    }

    private static int BestCut(ReadOnlySpan<char> window)
    {
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", " "])
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > MaxTextLength / 2)
            {
                return at + separator.Length;
            }
        }

        // No good break: cut hard, but never between the halves of a surrogate pair.
        return char.IsHighSurrogate(window[^1]) ? window.Length - 1 : window.Length;
    }

    private static ViberKeyboard? Keyboard(long outboxId, OutboundReply reply)
    {
        var rows = reply.Buttons.Where(row => row.Count > 0).ToList();
        if (rows.Count == 0 && !reply.RequestsContact && !reply.RequestsLocation)
        {
            return null;
        }

        // Viber wants some text in a share-phone or location-picker button's ActionBody; it never comes back.
        var buttons = new List<ViberButton>();
        if (reply.ContactButtonLabel is { } contactLabel)
        {
            buttons.Add(new ViberButton { Columns = Columns, ActionType = "share-phone", ActionBody = "share-phone", Text = Label(contactLabel) });
        }

        if (reply.LocationButtonLabel is { } locationLabel)
        {
            buttons.Add(new ViberButton { Columns = Columns, ActionType = "location-picker", ActionBody = "location-picker", Text = Label(locationLabel) });
        }

        var capacity = Capacity(reply);
        var paged = rows.Sum(row => row.Count) > capacity;
        foreach (var row in paged ? Take(rows, capacity - 1) : rows)
        {
            buttons.AddRange(Row(row));
        }

        if (paged)
        {
            buttons.Add(ReplyButton(Columns, PagePrefix + outboxId, MoreLabel));
        }

        return new ViberKeyboard(buttons);
    }

    /// <summary>A row of up to six buttons fills six columns; longer rows wrap into balanced rows of at most three.</summary>
    private static IEnumerable<ViberButton> Row(IReadOnlyList<ReplyButton> row)
    {
        var lines = (row.Count + MaxButtonsPerRow - 1) / MaxButtonsPerRow;
        var index = 0;
        for (var line = 0; line < lines; line++)
        {
            var size = (row.Count / lines) + (line < row.Count % lines ? 1 : 0);
            foreach (var button in row.Skip(index).Take(size))
            {
                yield return ReplyButton(Columns / size, ButtonPrefix + button.Data, button.Label);
            }

            index += size;
        }
    }

    private static ViberButton ReplyButton(int columns, string body, string label) =>
        new() { Columns = columns, ActionType = "reply", ActionBody = body, Text = Label(label), Silent = true };

    private static string Label(string label) =>
        label.Length <= MaxButtonTextLength ? label : label[..(MaxButtonTextLength - 1)] + "…";

    private static int Capacity(OutboundReply reply) => MaxButtons - (reply.RequestsContact ? 1 : 0) - (reply.RequestsLocation ? 1 : 0);

    private static List<IReadOnlyList<ReplyButton>> Take(List<IReadOnlyList<ReplyButton>> rows, int count) =>
        Slice(rows, count, take: true);

    private static List<IReadOnlyList<ReplyButton>> Skip(List<IReadOnlyList<ReplyButton>> rows, int count) =>
        Slice(rows, count, take: false);

    /// <summary>The first <paramref name="count"/> buttons (or all after them), keeping the rows they sit in.</summary>
    private static List<IReadOnlyList<ReplyButton>> Slice(List<IReadOnlyList<ReplyButton>> rows, int count, bool take)
    {
        var result = new List<IReadOnlyList<ReplyButton>>();
        var seen = 0;
        foreach (var row in rows)
        {
            var inFirst = Math.Clamp(count - seen, 0, row.Count);
            IReadOnlyList<ReplyButton> part = take ? [.. row.Take(inFirst)] : [.. row.Skip(inFirst)];
            if (part.Count > 0)
            {
                result.Add(part);
            }

            seen += row.Count;
        }

        return result;
    }

    private ViberOutgoingMessage Message(string? receiver, string type)
    {
        var settings = options.Value;
        return new ViberOutgoingMessage
        {
            Receiver = receiver,
            Sender = new ViberBotSender(settings.BotName, string.IsNullOrWhiteSpace(settings.AvatarUrl) ? null : settings.AvatarUrl),
            Type = type,
        };
    }

    /// <summary>Viber fetches pictures itself, so only a public http(s) URL can be shown (not another platform's file id).</summary>
    private static bool IsPublicUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsText(string contentType) =>
        contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ||
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId}: the photo is not a public URL, so Viber cannot show it; sending the text only")]
    private partial void LogPhotoSkipped(long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId}: a {ContentType} document cannot be sent on Viber (a file message needs a public URL); sending the text only")]
    private partial void LogDocumentSkipped(long outboxId, string contentType);
}
