using Hromada.Core.Moderation;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoRoleStore(IMongoDatabase database) : IRoleStore
{
    private readonly IMongoCollection<RoleGrantDocument> _roles = Collection(database);

    public static IMongoCollection<RoleGrantDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<RoleGrantDocument>("roles");

    /// <summary>One role per (resident, community) is the _id itself; these serve the two lists.</summary>
    public static Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<RoleGrantDocument>.IndexKeys;
        return Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.ResidentId).Ascending(d => d.CommunityId)),
                new(keys.Ascending(d => d.CommunityId).Ascending(d => d.ResidentId)),
            ],
            cancellationToken);
    }

    public Task SaveAsync(RoleGrant grant, CancellationToken cancellationToken)
    {
        var document = RoleGrantDocument.From(grant);
        return _roles.ReplaceOneAsync(d => d.Id == document.Id, document, new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string residentId, string communityId, CancellationToken cancellationToken)
    {
        var key = RoleGrantDocument.KeyOf(residentId, communityId);
        return (await _roles.DeleteOneAsync(d => d.Id == key, cancellationToken)).DeletedCount > 0;
    }

    public async Task<IReadOnlyList<RoleGrant>> ListForResidentAsync(string residentId, CancellationToken cancellationToken) =>
        [.. (await _roles.Find(d => d.ResidentId == residentId).SortBy(d => d.CommunityId).ToListAsync(cancellationToken)).Select(d => d.ToGrant())];

    public async Task<IReadOnlyList<RoleGrant>> ListForCommunityAsync(string communityId, CancellationToken cancellationToken) =>
        [.. (await _roles.Find(d => d.CommunityId == communityId).SortBy(d => d.ResidentId).ToListAsync(cancellationToken)).Select(d => d.ToGrant())];
}
