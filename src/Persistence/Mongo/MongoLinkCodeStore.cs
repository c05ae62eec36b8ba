using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoLinkCodeStore(IMongoDatabase database) : ILinkCodeStore
{
    private readonly IMongoCollection<LinkCodeDocument> _codes = Collection(database);

    public static IMongoCollection<LinkCodeDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<LinkCodeDocument>("linkCodes");

    /// <summary>
    /// The code is unique; the TTL index lets the server remove expired codes (within about a
    /// minute, so <see cref="TakeAsync"/> checks the expiry itself).
    /// </summary>
    public static async Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<LinkCodeDocument>.IndexKeys;
        await Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.Code), new CreateIndexOptions { Unique = true }),
                new(keys.Ascending(d => d.ExpiresAt), new CreateIndexOptions { ExpireAfter = TimeSpan.Zero }),
            ],
            cancellationToken);
    }

    public async Task SaveAsync(LinkCode code, CancellationToken cancellationToken)
    {
        try
        {
            await _codes.ReplaceOneAsync(
                d => d.Id == code.ResidentId,
                LinkCodeDocument.From(code),
                new ReplaceOptions { IsUpsert = true },
                cancellationToken);
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            throw LinkCodeDocument.CodeTaken(exception);
        }
    }

    public async Task<LinkCode?> TakeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = DocumentFormat.ToStored(now);
        var document = await _codes.FindOneAndDeleteAsync(d => d.Code == code && d.ExpiresAt > at, cancellationToken: cancellationToken);
        return document?.ToLinkCode();
    }
}
