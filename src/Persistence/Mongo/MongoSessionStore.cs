using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoSessionStore(IMongoDatabase database) : ISessionStore
{
    private readonly IMongoCollection<SessionDocument> _sessions = database.GetCollection<SessionDocument>("sessions");

    public async Task<ConversationSession?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var document = await _sessions.Find(d => d.Id == key).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSession();
    }

    public async Task<bool> TrySaveAsync(ConversationSession session, CancellationToken cancellationToken)
    {
        // The filter on the version makes compare and write one atomic step. A new session (version 0)
        // may be inserted; if another writer inserted it first, the upsert hits the _id index instead.
        try
        {
            var result = await _sessions.ReplaceOneAsync(
                d => d.Id == session.Key && d.Version == session.Version,
                SessionDocument.From(session, session.Version + 1),
                new ReplaceOptions { IsUpsert = session.Version == 0 },
                cancellationToken);
            if (result.MatchedCount == 0 && result.UpsertedId is null)
            {
                return false;
            }
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            return false;
        }

        session.Version++;
        return true;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _sessions.DeleteOneAsync(d => d.Id == key, cancellationToken);
}
