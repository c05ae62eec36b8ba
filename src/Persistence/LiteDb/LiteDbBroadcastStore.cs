using Hromada.Core.Broadcasts;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbBroadcastStore : IBroadcastStore
{
    private const string Collection = "broadcasts";

    private readonly ILiteCollection<BroadcastDocument> _broadcasts;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var broadcasts = database.GetCollection<BroadcastDocument>(Collection);
        broadcasts.EnsureIndex(d => d.Status);
        broadcasts.EnsureIndex(d => d.AuthorResidentId);
    }

    public LiteDbBroadcastStore(LiteDatabase database, LiteDbWriter writer)
    {
        _broadcasts = database.GetCollection<BroadcastDocument>(Collection);
        _writer = writer;
    }

    public Task SaveAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var document = BroadcastDocument.From(broadcast);
        return _writer.WriteAsync(() => _broadcasts.Upsert(document));
    }

    public Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_broadcasts.FindById(id)?.ToBroadcast());

    public Task<IReadOnlyList<Broadcast>> ListByStatusAsync(BroadcastStatus status, CancellationToken cancellationToken)
    {
        var name = status.ToString();
        var found = _broadcasts.Find(d => d.Status == name)
            .OrderBy(d => d.CreatedAt)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.ToBroadcast())
            .ToList();
        return Task.FromResult<IReadOnlyList<Broadcast>>(found);
    }

    public Task<IReadOnlyList<Broadcast>> ListRecentAsync(string authorResidentId, int limit, CancellationToken cancellationToken)
    {
        var found = _broadcasts.Find(d => d.AuthorResidentId == authorResidentId)
            .OrderByDescending(d => d.CreatedAt)
            .ThenByDescending(d => d.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(d => d.ToBroadcast())
            .ToList();
        return Task.FromResult<IReadOnlyList<Broadcast>>(found);
    }
}
