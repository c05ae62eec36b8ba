namespace Hromada.Core.Conversations;

public enum InboxStatus
{
    Pending,
    Handled,
    Failed,
}

/// <summary>An accepted inbound message; <see cref="Sequence"/> orders the messages of one resident.</summary>
public sealed record InboxEntry(long Sequence, InboundMessage Message, InboxStatus Status);

public interface IInboxStore
{
    /// <summary>Stores the message unless its channel and update id were seen before.</summary>
    /// <returns>The new entry, or null for a duplicate delivery.</returns>
    Task<InboxEntry?> TryAddAsync(InboundMessage message, CancellationToken cancellationToken);

    /// <summary>Entries not yet handled, in acceptance order.</summary>
    Task<IReadOnlyList<InboxEntry>> GetPendingAsync(CancellationToken cancellationToken);

    Task MarkAsync(long sequence, InboxStatus status, CancellationToken cancellationToken);
}
