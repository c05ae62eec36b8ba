using System.Text.Json;
using Hromada.Core.Conversations;

namespace Hromada.Persistence.Documents;

internal sealed class OutboxDocument
{
    public long Id { get; set; }

    public string IdempotencyKey { get; set; } = "";

    /// <summary>Channel and chat id, the key <see cref="IOutboxStore.ListForChatAsync"/> looks up.</summary>
    public string Chat { get; set; } = "";

    public string Status { get; set; } = "";

    /// <summary>The whole message as JSON; <see cref="Id"/> and <see cref="Status"/> above are the truth for those two.</summary>
    public string Message { get; set; } = "";

    public static OutboxDocument From(OutboxMessage message, long id) => new()
    {
        Id = id,
        IdempotencyKey = message.IdempotencyKey,
        Chat = DocumentFormat.Key(message.Channel, message.ChatId),
        Status = message.Status.ToString(),
        Message = JsonSerializer.Serialize(message, DocumentFormat.Json),
    };

    public OutboxMessage ToMessage() =>
        JsonSerializer.Deserialize<OutboxMessage>(Message, DocumentFormat.Json)! with
        {
            Id = Id,
            Status = Enum.Parse<OutboxStatus>(Status),
        };
}
