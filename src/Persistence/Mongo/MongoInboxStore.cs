using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoInboxStore(IMongoDatabase database) : IInboxStore
{
    private readonly IMongoCollection<InboxDocument> _inbox = Collection(database);
    private readonly MongoCounters _counters = new(database);

    public static IMongoCollection<InboxDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<InboxDocument>("inbox");

    public static async Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<InboxDocument>.IndexKeys;
        await Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.UpdateKey), new CreateIndexOptions { Unique = true }),
                new(keys.Ascending(d => d.Status).Ascending(d => d.Id)),
            ],
            cancellationToken);
    }

    public async Task<InboxEntry?> TryAddAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // A duplicate burns a sequence number; the sequence only has to grow, not to be gapless.
        var sequence = await _counters.ReserveAsync("inbox", 1, cancellationToken);
        try
        {
            await _inbox.InsertOneAsync(InboxDocument.From(message, sequence), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            return null;
        }

        return new InboxEntry(sequence, message, InboxStatus.Pending);
    }

    public async Task<IReadOnlyList<InboxEntry>> GetPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await _inbox.Find(d => d.Status == nameof(InboxStatus.Pending))
            .SortBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. pending.Select(d => d.ToEntry())];
    }

    public Task MarkAsync(long sequence, InboxStatus status, CancellationToken cancellationToken) =>
        _inbox.UpdateOneAsync(
            d => d.Id == sequence,
            Builders<InboxDocument>.Update.Set(d => d.Status, status.ToString()),
            cancellationToken: cancellationToken);
}
