using Hromada.Core.ApiKeys;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

/// <summary>Keys are found by their id, the _id: no other index.</summary>
internal sealed class MongoApiKeyStore(IMongoDatabase database) : IApiKeyStore
{
    private readonly IMongoCollection<ApiKeyDocument> _keys = database.GetCollection<ApiKeyDocument>("apiKeys");

    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        try
        {
            await _keys.InsertOneAsync(ApiKeyDocument.From(key), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            throw ApiKeyDocument.IdTaken(exception);
        }
    }

    public async Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _keys.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToApiKey();
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = await _keys.Find(FilterDefinition<ApiKeyDocument>.Empty)
            .SortByDescending(d => d.CreatedAt)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. keys.Select(d => d.ToApiKey())];
    }

    /// <summary>Sets the time only while none is set, so the first revocation's time stays.</summary>
    public async Task<ApiKey?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await _keys.UpdateOneAsync(
            d => d.Id == id && d.RevokedAt == null,
            Builders<ApiKeyDocument>.Update.Set(d => d.RevokedAt, DocumentFormat.ToStored(at)),
            cancellationToken: cancellationToken);
        return await GetAsync(id, cancellationToken);
    }
}
