using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;

namespace Hromada.Persistence.LiteDb;

/// <summary>
/// One write on the writer's thread, so one transaction: the checks come before any write, and
/// the turn costs one round of the group commit instead of one per store.
/// </summary>
internal sealed class LiteDbConversationTurnStore(
    LiteDbWriter writer,
    LiteDbSessionStore sessions,
    LiteDbOutboxStore outbox,
    LiteDbResidentStore residents) : IConversationTurnStore
{
    public async Task<bool> TryCommitAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        var session = SessionDocument.From(turn.Session, turn.Session.Version + 1);
        var expected = turn.Session.Version;
        var resident = turn.ForgottenResidentId is null && turn.SavedResident is { } saved ? ResidentDocument.From(saved) : null;
        var outcome = await writer.WriteAsync(() =>
        {
            if (!sessions.IsStoredVersion(session.Id, expected))
            {
                return Outcome.SessionChanged;
            }

            // Checked and written first: it writes nothing when it refuses.
            if (resident is not null && !residents.TrySave(resident))
            {
                return Outcome.IdentityTaken;
            }

            if (turn.ForgottenResidentId is { } forgotten)
            {
                residents.Delete(forgotten);
            }

            outbox.Add(turn.Replies);
            sessions.Upsert(session);
            return Outcome.Committed;
        });

        switch (outcome)
        {
            case Outcome.IdentityTaken:
                throw ResidentDocument.IdentityTaken();
            case Outcome.Committed:
                turn.Session.Version++;
                return true;
            default:
                return false;
        }
    }

    private enum Outcome
    {
        Committed,
        SessionChanged,
        IdentityTaken,
    }
}
