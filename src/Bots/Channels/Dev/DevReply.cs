using Hromada.Core.Conversations;

namespace Hromada.Bots.Channels.Dev;

/// <summary>One bot message as the dev chat page renders it.</summary>
/// <param name="ContactButtonLabel">The label of the "share phone" button; set exactly when <paramref name="RequestsContact"/> is.</param>
/// <param name="LocationButtonLabel">The label of the "share location" button; set exactly when <paramref name="RequestsLocation"/> is.</param>
internal sealed record DevReply(
    long Id,
    string Text,
    IReadOnlyList<IReadOnlyList<DevButton>> Buttons,
    bool RequestsContact,
    string? ContactButtonLabel,
    bool RequestsLocation,
    string? LocationButtonLabel,
    string? PhotoUrl,
    DevDocument? Document)
{
    public static DevReply From(OutboxMessage message)
    {
        var reply = message.Reply;
        return new DevReply(
            message.Id,
            reply.Text,
            [.. reply.Buttons.Select(row => (IReadOnlyList<DevButton>)[.. row.Select(b => new DevButton(b.Label, b.Data))])],
            reply.RequestsContact,
            reply.ContactButtonLabel,
            reply.RequestsLocation,
            reply.LocationButtonLabel,
            reply.PhotoUrl,
            reply.Document is { } document
                ? new DevDocument(document.FileName, document.ContentType, Convert.ToBase64String(document.Content))
                : null);
    }
}

internal sealed record DevButton(string Label, string Data);

internal sealed record DevDocument(string FileName, string ContentType, string Base64);
