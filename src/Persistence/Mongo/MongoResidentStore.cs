using System.Runtime.CompilerServices;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoResidentStore(IMongoDatabase database) : IResidentStore
{
    private const int BatchSize = 500;

    private readonly IMongoCollection<ResidentDocument> _residents = Collection(database);

    public static IMongoCollection<ResidentDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<ResidentDocument>("residents");

    /// <summary>
    /// Identity keys: unique over the array's elements, so no identity belongs to two residents.
    /// (MongoDB indexes an empty array as one value too, so only one resident may ever be stored
    /// without identities.) Phone: for the join of one resident's two apps by a verified number. Community: for the sweeps that reach a community's residents.
    /// </summary>
    public static Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<ResidentDocument>.IndexKeys;
        return Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.IdentityKeys), new CreateIndexOptions { Unique = true }),
                new(keys.Ascending(d => d.Phone)),
                new(keys.Ascending(d => d.FollowedCommunities).Ascending(d => d.Id)),
                new(keys.Ascending(d => d.CommunityId)),
            ],
            cancellationToken);
    }

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

    public async Task<Resident?> FindByVerifiedPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        var document = await _residents.Find(d => d.Phone == phone && d.PhoneVerified && d.RegisteredAt != null)
            .SortBy(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
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

    public async Task<bool> SetReachableAsync(IdentityKey identity, bool reachable, CancellationToken cancellationToken)
    {
        // The array filter picks that one identity; the key filter finds its resident by the index.
        var result = await _residents.UpdateOneAsync(
            Builders<ResidentDocument>.Filter.AnyEq(d => d.IdentityKeys, ResidentDocument.KeyOf(identity)),
            Builders<ResidentDocument>.Update.Set("Identities.$[identity].Reachable", reachable),
            new UpdateOptions
            {
                ArrayFilters =
                [
                    new BsonDocumentArrayFilterDefinition<BsonDocument>(new BsonDocument
                    {
                        ["identity.Channel"] = identity.Channel.ToString(),
                        ["identity.PlatformUserId"] = identity.PlatformUserId,
                    }),
                ],
            },
            cancellationToken);
        return result.MatchedCount > 0;
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        _residents.DeleteOneAsync(d => d.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Resident>> ListFollowingAsync(
        IReadOnlyCollection<string>? communityIds, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var filter = Builders<ResidentDocument>.Filter;
        var query = filter.Ne(d => d.RegisteredAt, null);
        if (communityIds is not null)
        {
            query &= filter.AnyIn(d => d.FollowedCommunities, communityIds);
        }

        if (afterId is not null)
        {
            query &= filter.Gt(d => d.Id, afterId);
        }

        var page = await _residents.Find(query).SortBy(d => d.Id).Limit(limit).ToListAsync(cancellationToken);
        return [.. page.Select(d => d.ToResident())];
    }

    public async Task<IReadOnlyList<Resident>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = await _residents.Find(Builders<ResidentDocument>.Filter.In(d => d.Id, ids)).ToListAsync(cancellationToken);
        return [.. found.Select(d => d.ToResident())];
    }

    /// <summary>One cursor, read a batch at a time as it is consumed; the community index finds a community's residents.</summary>
    public async IAsyncEnumerable<Resident> ListRegisteredAsync(
        string? communityId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = Builders<ResidentDocument>.Filter;
        var registered = filter.Ne(d => d.RegisteredAt, null);
        using var cursor = await _residents
            .Find(communityId is null ? registered : registered & filter.Eq(d => d.CommunityId, communityId), new FindOptions { BatchSize = BatchSize })
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return document.ToResident();
            }
        }
    }

    /// <summary>One unordered bulk write of updates that set the two fields on residents that still exist.</summary>
    public async Task SaveStatusesAsync(IReadOnlyCollection<Resident> residents, CancellationToken cancellationToken)
    {
        if (residents.Count == 0)
        {
            return;
        }

        var update = Builders<ResidentDocument>.Update;
        var writes = residents.Select(resident => new UpdateOneModel<ResidentDocument>(
            Builders<ResidentDocument>.Filter.Eq(d => d.Id, resident.Id),
            update.Set(d => d.Status, resident.Status.ToString())
                .Set(d => d.SphereStatuses, ResidentDocument.StoredSphereStatuses(resident))));
        await _residents.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
    }
}
