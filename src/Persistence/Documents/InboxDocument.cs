using System.Text.Json;
using Hromada.Core.Conversations;

namespace Hromada.Persistence.Documents;

internal sealed class InboxDocument
{
    /// <summary>The sequence.</summary>
    public long Id { get; set; }

    /// <summary>Channel and update id, unique, so a redelivered update is refused by the database itself.</summary>
    public string UpdateKey { get; set; } = "";

    public string Status { get; set; } = "";

    public string Message { get; set; } = "";

    public static InboxDocument From(InboundMessage message, long sequence) => new()
    {
        Id = sequence,
        UpdateKey = DocumentFormat.Key(message.Channel, message.UpdateId),
        Status = nameof(InboxStatus.Pending),
        Message = JsonSerializer.Serialize(message, DocumentFormat.Json),
    };

    public InboxEntry ToEntry() => new(
        Id,
        JsonSerializer.Deserialize<InboundMessage>(Message, DocumentFormat.Json)!,
        Enum.Parse<InboxStatus>(Status));
}
