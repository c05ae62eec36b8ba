using Hromada.Core.Communities;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoCommunityStore(IMongoDatabase database) : ICommunityStore
{
    private readonly IMongoCollection<CommunityDocument> _communities =
        database.GetCollection<CommunityDocument>("communities");

    public async Task<IReadOnlyList<Community>> ListAsync(CancellationToken cancellationToken)
    {
        var communities = await _communities.Find(FilterDefinition<CommunityDocument>.Empty)
            .SortBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. communities.Select(d => d.ToCommunity())];
    }

    public async Task<Community?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _communities.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToCommunity();
    }

    public async Task UpsertAsync(IReadOnlyList<Community> communities, CancellationToken cancellationToken)
    {
        if (communities.Count == 0)
        {
            return;
        }

        var replacements = communities.Select(c => new ReplaceOneModel<CommunityDocument>(
            Builders<CommunityDocument>.Filter.Eq(d => d.Id, c.Id), CommunityDocument.From(c)) { IsUpsert = true });
        await _communities.BulkWriteAsync(replacements, cancellationToken: cancellationToken);
    }
}
