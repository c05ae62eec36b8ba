namespace Hromada.Core.Conversations;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,

    /// <summary>Not sent because the recipient cannot be reached (blocked the bot, unsubscribed).</summary>
    Dropped,
}

/// <summary>Replies to residents go before broadcasts, so a long broadcast never delays a conversation.</summary>
public enum OutboxPriority
{
    Reply,
    Broadcast,
}

/// <summary>What a platform later reports about a sent message.</summary>
public enum DeliveryReceipt
{
    Delivered,
    Seen,
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
    DateTimeOffset CreatedAt)
{
    public OutboxPriority Priority { get; init; } = OutboxPriority.Reply;

    /// <summary>Deliveries tried and put off (rate limits, outages).</summary>
    public int Attempts { get; init; }

    /// <summary>Not to be tried before this time (a platform's retry_after, a backoff).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Why the last attempt failed, or why the message was dropped.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The platform's id of the sent message (Telegram message_id, Viber message_token).</summary>
    public string? PlatformMessageId { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public DateTimeOffset? SeenAt { get; init; }
}

public interface IOutboxStore
{
    /// <summary>Stores the messages in order, skipping any whose idempotency key is already stored.</summary>
    Task AddAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="limit"/> pending messages that are due (no NotBefore, or one at or
    /// before <paramref name="now"/>), replies before broadcasts, then oldest first, and leases them
    /// until <paramref name="now"/> + <paramref name="lease"/>: until then no other caller gets them.
    /// A dispatcher that dies keeps its messages only until the lease ends.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken);

    /// <summary>Puts the message back as pending, due at <paramref name="notBefore"/>, with one more attempt counted.</summary>
    Task RetryLaterAsync(long id, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken);

    /// <summary>Marks every pending message to one chat as dropped.</summary>
    /// <returns>How many were dropped.</returns>
    Task<int> DropPendingAsync(ChannelKind channel, string chatId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every pending message whose idempotency key starts with <paramref name="keyPrefix"/> as
    /// dropped, such as all of a cancelled broadcast ("broadcast:{id}:").
    /// </summary>
    /// <returns>How many were dropped.</returns>
    Task<int> DropPendingByKeyPrefixAsync(string keyPrefix, string reason, CancellationToken cancellationToken);

    /// <summary>How many messages whose idempotency key starts with <paramref name="keyPrefix"/> are in each status (absent: none).</summary>
    Task<IReadOnlyDictionary<OutboxStatus, int>> CountByKeyPrefixAsync(string keyPrefix, CancellationToken cancellationToken);

    /// <summary>Records a platform's delivery report for the sent message with that platform id.</summary>
    Task RecordReceiptAsync(
        ChannelKind channel, string platformMessageId, DeliveryReceipt receipt, DateTimeOffset at, CancellationToken cancellationToken);

    Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Messages to one chat with an id above <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListForChatAsync(
        ChannelKind channel, string chatId, long afterId, CancellationToken cancellationToken);
}
