using Hromada.Core.Residents;

namespace Hromada.Core.Conversations;

/// <summary>What handling one inbox entry changes, stored as one.</summary>
/// <param name="Sequence">The inbox entry handled; the engine marks it handled once the turn is stored.</param>
/// <param name="Session">Saved if its <see cref="ConversationSession.Version"/> is still the stored one.</param>
/// <param name="Replies">Stored in order; their idempotency keys derive from <paramref name="Sequence"/>.</param>
public sealed record ConversationTurn(long Sequence, ConversationSession Session, IReadOnlyList<OutboxMessage> Replies)
{
    /// <summary>The resident to store, when the dialog changed them.</summary>
    public Resident? SavedResident { get; init; }

    /// <summary>The id of a resident to delete (<c>/forget</c>); wins over <see cref="SavedResident"/>.</summary>
    public string? ForgottenResidentId { get; init; }
}

public interface IConversationTurnStore
{
    /// <summary>
    /// Stores the turn's replies, resident change and session, then increments the session's version.
    /// The embedded store does it in one transaction; MongoDB in that order, each write idempotent,
    /// the session last, so a crash between them leaves a turn the engine redoes without sending
    /// anything twice.
    /// </summary>
    /// <returns>False, with nothing stored, when another writer saved the session since it was read.</returns>
    /// <exception cref="InvalidOperationException">
    /// The saved resident's identity belongs to another resident: neither resident nor session is
    /// stored and the entry stays pending (the embedded store stores nothing at all).
    /// </exception>
    Task<bool> TryCommitAsync(ConversationTurn turn, CancellationToken cancellationToken);
}
