using System.Text.Json;
using Hromada.Core.Conversations;

namespace Hromada.Persistence.Documents;

/// <summary>
/// An outbox message: the fields the stores query or change are kept as fields of their own, the
/// rest (channel, chat, reply, creation time) as JSON in <see cref="Message"/>.
/// </summary>
internal sealed class OutboxDocument
{
    public long Id { get; set; }

    public string IdempotencyKey { get; set; } = "";

    /// <summary>Channel and chat id, the key <see cref="IOutboxStore.ListForChatAsync"/> looks up.</summary>
    public string Chat { get; set; } = "";

    /// <summary>The channel by name; with <see cref="PlatformMessageId"/> the key receipts look up.</summary>
    public string Channel { get; set; } = "";

    public string Status { get; set; } = "";

    /// <summary>The <see cref="OutboxPriority"/> as its number, so sorting by it puts replies (0) before broadcasts (1).</summary>
    public int Priority { get; set; }

    /// <summary>
    /// When the message may next be claimed: the later of its <see cref="NotBefore"/> and the end of
    /// its lease, <see cref="DateTime.MinValue"/> for a new message without NotBefore. One field, so
    /// "due" is one comparison.
    /// </summary>
    public DateTime DueAt { get; set; }

    public DateTime? NotBefore { get; set; }

    /// <summary>
    /// LiteDB only, which has no compound index: the claim order of a pending message as one
    /// indexed number (replies, by id, before broadcasts, by id), negative once the message is done.
    /// </summary>
    public long? QueueOrder { get; set; }

    /// <summary>Set by a claim, so a claimer can read back exactly the messages it leased.</summary>
    public string? ClaimToken { get; set; }

    public int Attempts { get; set; }

    public string? FailureReason { get; set; }

    public string? PlatformMessageId { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime? SeenAt { get; set; }

    public string Message { get; set; } = "";

    public static OutboxDocument From(OutboxMessage message, long id) => new()
    {
        Id = id,
        IdempotencyKey = message.IdempotencyKey,
        Chat = DocumentFormat.Key(message.Channel, message.ChatId),
        Channel = message.Channel.ToString(),
        Status = message.Status.ToString(),
        Priority = (int)message.Priority,
        DueAt = message.NotBefore is { } notBefore ? DocumentFormat.ToStored(notBefore) : DateTime.MinValue,
        NotBefore = ToStored(message.NotBefore),
        Attempts = message.Attempts,
        FailureReason = message.FailureReason,
        PlatformMessageId = message.PlatformMessageId,
        SentAt = ToStored(message.SentAt),
        DeliveredAt = ToStored(message.DeliveredAt),
        SeenAt = ToStored(message.SeenAt),
        Message = JsonSerializer.Serialize(
            new StoredMessage(message.Channel, message.ChatId, message.Reply, message.CreatedAt), DocumentFormat.Json),
    };

    public OutboxMessage ToMessage()
    {
        var stored = JsonSerializer.Deserialize<StoredMessage>(Message, DocumentFormat.Json)!;
        return new OutboxMessage(
            Id, IdempotencyKey, stored.Channel, stored.ChatId, stored.Reply, Enum.Parse<OutboxStatus>(Status), stored.CreatedAt)
        {
            Priority = (OutboxPriority)Priority,
            Attempts = Attempts,
            NotBefore = FromStored(NotBefore),
            FailureReason = FailureReason,
            PlatformMessageId = PlatformMessageId,
            SentAt = FromStored(SentAt),
            DeliveredAt = FromStored(DeliveredAt),
            SeenAt = FromStored(SeenAt),
        };
    }

    private static DateTime? ToStored(DateTimeOffset? value) =>
        value is { } date ? DocumentFormat.ToStored(date) : null;

    private static DateTimeOffset? FromStored(DateTime? value) =>
        value is { } date ? DocumentFormat.FromStored(date) : null;

    private sealed record StoredMessage(ChannelKind Channel, string ChatId, OutboundReply Reply, DateTimeOffset CreatedAt);
}
