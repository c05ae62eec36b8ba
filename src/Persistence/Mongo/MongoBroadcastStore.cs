using Hromada.Core.Broadcasts;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoBroadcastStore(IMongoDatabase database) : IBroadcastStore
{
    private readonly IMongoCollection<BroadcastDocument> _broadcasts = Collection(database);

    public static IMongoCollection<BroadcastDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<BroadcastDocument>("broadcasts");

    public static async Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<BroadcastDocument>.IndexKeys;
        await Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.Status).Ascending(d => d.CreatedAt)),
                new(keys.Ascending(d => d.AuthorResidentId).Descending(d => d.CreatedAt)),
            ],
            cancellationToken);
    }

    public Task SaveAsync(Broadcast broadcast, CancellationToken cancellationToken) =>
        _broadcasts.ReplaceOneAsync(
            d => d.Id == broadcast.Id, BroadcastDocument.From(broadcast), new ReplaceOptions { IsUpsert = true }, cancellationToken);

    public async Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _broadcasts.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToBroadcast();
    }

    public async Task<IReadOnlyList<Broadcast>> ListByStatusAsync(BroadcastStatus status, CancellationToken cancellationToken)
    {
        var found = await _broadcasts.Find(d => d.Status == status.ToString())
            .SortBy(d => d.CreatedAt)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. found.Select(d => d.ToBroadcast())];
    }

    public async Task<IReadOnlyList<Broadcast>> ListRecentAsync(string authorResidentId, int limit, CancellationToken cancellationToken)
    {
        var found = await _broadcasts.Find(d => d.AuthorResidentId == authorResidentId)
            .SortByDescending(d => d.CreatedAt)
            .ThenByDescending(d => d.Id)
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return [.. found.Select(d => d.ToBroadcast())];
    }
}
