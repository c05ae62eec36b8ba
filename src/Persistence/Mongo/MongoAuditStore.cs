using Hromada.Core.Moderation;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoAuditStore(IMongoDatabase database) : IAuditStore
{
    private readonly IMongoCollection<AuditDocument> _audit = Collection(database);
    private readonly MongoCounters _counters = new(database);

    public static IMongoCollection<AuditDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<AuditDocument>("audit");

    public static Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<AuditDocument>.IndexKeys;
        return Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.CommunityId).Descending(d => d.Id)),
                new(keys.Ascending(d => d.ActorResidentId).Ascending(d => d.Id)),
                new(keys.Ascending(d => d.Target).Ascending(d => d.Id)),
            ],
            cancellationToken);
    }

    /// <summary>Ids come from a counter every instance shares, so they follow the order entries were written in.</summary>
    public async Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var document = AuditDocument.From(entry, await _counters.ReserveAsync("audit", 1, cancellationToken));
        await _audit.InsertOneAsync(document, cancellationToken: cancellationToken);
        return document.ToEntry();
    }

    public async Task<IReadOnlyList<AuditEntry>> ListRecentAsync(
        IReadOnlyCollection<string>? communityIds, int limit, CancellationToken cancellationToken)
    {
        var filter = communityIds is null
            ? Builders<AuditDocument>.Filter.Empty
            : Builders<AuditDocument>.Filter.In(d => d.CommunityId, communityIds);
        var documents = await _audit.Find(filter).SortByDescending(d => d.Id).Limit(limit).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToEntry())];
    }

    public async Task<IReadOnlyList<AuditEntry>> ListForResidentAsync(string residentId, CancellationToken cancellationToken)
    {
        var target = AuditTargets.Resident(residentId);
        var documents = await _audit.Find(d => d.ActorResidentId == residentId || d.Target == target)
            .SortBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToEntry())];
    }
}
