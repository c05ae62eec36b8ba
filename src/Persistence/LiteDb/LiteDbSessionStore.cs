using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbSessionStore : ISessionStore
{
    /// <summary>Also read where a new inbox file starts numbering (<see cref="LiteDbInboxStore"/>).</summary>
    internal const string Collection = "sessions";

    private readonly ILiteCollection<SessionDocument> _sessions;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database) => LiteDbSchema.CreateCollection(database, Collection);

    public LiteDbSessionStore(LiteDatabase database, LiteDbWriter writer)
    {
        _sessions = database.GetCollection<SessionDocument>(Collection);
        _writer = writer;
    }

    public Task<ConversationSession?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.FindById(key)?.ToSession());

    /// <summary>The version compare and the write are one step on the writer's thread.</summary>
    public async Task<bool> TrySaveAsync(ConversationSession session, CancellationToken cancellationToken)
    {
        var document = SessionDocument.From(session, session.Version + 1);
        var expected = session.Version;
        var saved = await _writer.WriteAsync(() =>
        {
            if (!IsStoredVersion(document.Id, expected))
            {
                return false;
            }

            Upsert(document);
            return true;
        });
        if (saved)
        {
            session.Version++;
        }

        return saved;
    }

    /// <summary>True when the stored session has this version (0: none is stored). On the writer's thread only.</summary>
    internal bool IsStoredVersion(string key, long version) => (_sessions.FindById(key)?.Version ?? 0) == version;

    /// <summary>On the writer's thread only.</summary>
    internal void Upsert(SessionDocument document) => _sessions.Upsert(document);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() => _sessions.Delete(key));
}
