namespace Hromada.Core.Conversations;

/// <summary>A channel-neutral reply; each channel adapter renders it in its own way.</summary>
public sealed record OutboundReply(string Text)
{
    /// <summary>Rows of buttons under the message.</summary>
    public IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons { get; init; } = [];

    /// <summary>
    /// When set, asks the resident to share their phone number with the platform's own button,
    /// labelled so. Platforms whose contact button sits in a reply keyboard send the other buttons'
    /// labels back as text, so a dialog asking for a contact also takes its buttons' labels.
    /// </summary>
    public string? ContactButtonLabel { get; init; }

    public bool RequestsContact => ContactButtonLabel is not null;

    /// <summary>
    /// When set, asks the resident to share a location with the platform's own button, labelled so;
    /// like <see cref="ContactButtonLabel"/>, it may put the other buttons in a reply keyboard.
    /// </summary>
    public string? LocationButtonLabel { get; init; }

    public bool RequestsLocation => LocationButtonLabel is not null;

    /// <summary>A platform file id or URL of a photo to show with the text.</summary>
    public string? PhotoUrl { get; init; }

    public ReplyDocument? Document { get; init; }
}

/// <param name="Data">What comes back as <see cref="InboundMessage.ButtonData"/> when pressed.</param>
public sealed record ReplyButton(string Label, string Data);

public sealed record ReplyDocument(string FileName, string ContentType, byte[] Content);
