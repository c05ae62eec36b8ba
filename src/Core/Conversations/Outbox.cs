namespace Hromada.Core.Conversations;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>A reply waiting for (or past) delivery.</summary>
/// <param name="IdempotencyKey">Unique per message: storing the same key twice keeps the first, so a retried handler sends nothing twice.</param>
public sealed record OutboxMessage(
    long Id,
    string IdempotencyKey,
    ChannelKind Channel,
    string ChatId,
    OutboundReply Reply,
    OutboxStatus Status,
    DateTimeOffset CreatedAt);

public interface IOutboxStore
{
    /// <summary>Stores the messages in order, skipping any whose idempotency key is already stored.</summary>
    Task AddAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>Pending messages, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken);

    Task MarkAsync(long id, OutboxStatus status, CancellationToken cancellationToken);

    /// <summary>Messages to one chat with an id above <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListForChatAsync(
        ChannelKind channel, string chatId, long afterId, CancellationToken cancellationToken);
}
