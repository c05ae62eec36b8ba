using Hromada.Core.Conversations;

namespace Hromada.Persistence.Mongo;

/// <summary>
/// Without a replica set there are no multi-document transactions, so the turn is written in the
/// order that makes a crash between writes harmless: replies (idempotency keys), resident, the
/// session last (its compare-and-set marks the turn applied).
/// </summary>
internal sealed class MongoConversationTurnStore(
    MongoSessionStore sessions,
    MongoOutboxStore outbox,
    MongoResidentStore residents) : IConversationTurnStore
{
    public async Task<bool> TryCommitAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        // Checked first too, so a turn read from a stale session stores nothing at all (unless another
        // writer slips in between this read and the compare-and-set, which then refuses the session).
        var stored = await sessions.FindAsync(turn.Session.Key, cancellationToken);
        if ((stored?.Version ?? 0) != turn.Session.Version)
        {
            return false;
        }

        await outbox.AddAsync(turn.Replies, cancellationToken);
        if (turn.ForgottenResidentId is { } forgotten)
        {
            await residents.DeleteAsync(forgotten, cancellationToken);
        }
        else if (turn.SavedResident is { } resident)
        {
            await residents.SaveAsync(resident, cancellationToken);
        }

        return await sessions.TrySaveAsync(turn.Session, cancellationToken);
    }
}
