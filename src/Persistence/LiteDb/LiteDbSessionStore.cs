using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbSessionStore : ISessionStore
{
    private readonly ILiteCollection<SessionDocument> _sessions;

    /// <summary>Makes the version compare and the write one step; the file has no other writer (direct mode).</summary>
    private readonly Lock _saveLock = new();

    public LiteDbSessionStore(LiteDatabase database) =>
        _sessions = database.GetCollection<SessionDocument>("sessions");

    public Task<ConversationSession?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.FindById(key)?.ToSession());

    public Task<bool> TrySaveAsync(ConversationSession session, CancellationToken cancellationToken)
    {
        lock (_saveLock)
        {
            var storedVersion = _sessions.FindById(session.Key)?.Version ?? 0;
            if (storedVersion != session.Version)
            {
                return Task.FromResult(false);
            }

            _sessions.Upsert(SessionDocument.From(session, session.Version + 1));
        }

        session.Version++;
        return Task.FromResult(true);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_saveLock)
        {
            _sessions.Delete(key);
        }

        return Task.CompletedTask;
    }
}
