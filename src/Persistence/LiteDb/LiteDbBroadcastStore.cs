using Hromada.Core.Broadcasts;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbBroadcastStore : IBroadcastStore
{
    private readonly ILiteCollection<BroadcastDocument> _broadcasts;

    public LiteDbBroadcastStore(LiteDatabase database)
    {
        _broadcasts = database.GetCollection<BroadcastDocument>("broadcasts");
        _broadcasts.EnsureIndex(d => d.Status);
        _broadcasts.EnsureIndex(d => d.AuthorResidentId);
    }

    public Task SaveAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        _broadcasts.Upsert(BroadcastDocument.From(broadcast));
        return Task.CompletedTask;
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
