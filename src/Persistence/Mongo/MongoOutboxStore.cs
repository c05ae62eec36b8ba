using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoOutboxStore(IMongoDatabase database) : IOutboxStore
{
    private readonly IMongoCollection<OutboxDocument> _outbox = Collection(database);
    private readonly MongoCounters _counters = new(database);

    public static IMongoCollection<OutboxDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<OutboxDocument>("outbox");

    public static async Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<OutboxDocument>.IndexKeys;
        await Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.IdempotencyKey), new CreateIndexOptions { Unique = true }),
                new(keys.Ascending(d => d.Status).Ascending(d => d.Id)),
                new(keys.Ascending(d => d.Chat).Ascending(d => d.Id)),
            ],
            cancellationToken);
    }

    public async Task AddAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        // One round trip reserves the ids of the whole batch, in order.
        var lastId = await _counters.ReserveAsync("outbox", messages.Count, cancellationToken);
        var documents = messages.Select((m, i) => OutboxDocument.From(m, lastId - messages.Count + 1 + i));
        try
        {
            await _outbox.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException exception)
            when (exception.WriteConcernError is null
                && exception.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            // Unordered: every other message was stored; the duplicates were stored before.
        }
    }

    public async Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken)
    {
        var pending = await _outbox.Find(d => d.Status == nameof(OutboxStatus.Pending))
            .SortBy(d => d.Id)
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return [.. pending.Select(d => d.ToMessage())];
    }

    public Task MarkAsync(long id, OutboxStatus status, CancellationToken cancellationToken) =>
        _outbox.UpdateOneAsync(
            d => d.Id == id,
            Builders<OutboxDocument>.Update.Set(d => d.Status, status.ToString()),
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<OutboxMessage>> ListForChatAsync(
        ChannelKind channel, string chatId, long afterId, CancellationToken cancellationToken)
    {
        var chat = DocumentFormat.Key(channel, chatId);
        var messages = await _outbox.Find(d => d.Chat == chat && d.Id > afterId)
            .SortBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. messages.Select(d => d.ToMessage())];
    }
}
