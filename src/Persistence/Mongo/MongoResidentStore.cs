using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoResidentStore(IMongoDatabase database) : IResidentStore
{
    private readonly IMongoCollection<ResidentDocument> _residents = Collection(database);

    public static IMongoCollection<ResidentDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<ResidentDocument>("residents");

    /// <summary>
    /// Unique over the array's elements: no identity belongs to two residents. (MongoDB indexes an
    /// empty array as one value too, so only one resident may ever be stored without identities.)
    /// </summary>
    public static Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken) =>
        Collection(database).Indexes.CreateOneAsync(
            new CreateIndexModel<ResidentDocument>(
                Builders<ResidentDocument>.IndexKeys.Ascending(d => d.IdentityKeys),
                new CreateIndexOptions { Unique = true }),
            cancellationToken: cancellationToken);

    public async Task<Resident?> FindByIdentityAsync(IdentityKey identity, CancellationToken cancellationToken)
    {
        var key = ResidentDocument.KeyOf(identity);
        var document = await _residents.Find(Builders<ResidentDocument>.Filter.AnyEq(d => d.IdentityKeys, key))
            .FirstOrDefaultAsync(cancellationToken);
        return document?.ToResident();
    }

    public async Task<Resident?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _residents.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToResident();
    }

    public async Task SaveAsync(Resident resident, CancellationToken cancellationToken)
    {
        try
        {
            await _residents.ReplaceOneAsync(
                d => d.Id == resident.Id,
                ResidentDocument.From(resident),
                new ReplaceOptions { IsUpsert = true },
                cancellationToken);
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            throw ResidentDocument.IdentityTaken(exception);
        }
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        _residents.DeleteOneAsync(d => d.Id == id, cancellationToken);
}
