using System.Text.RegularExpressions;
using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoOutboxStore(IMongoDatabase database) : IOutboxStore
{
    private static readonly string Pending = nameof(OutboxStatus.Pending);
    private static readonly FilterDefinitionBuilder<OutboxDocument> Filter = Builders<OutboxDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<OutboxDocument> Update = Builders<OutboxDocument>.Update;

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
                new(keys.Ascending(d => d.Status).Ascending(d => d.Priority).Ascending(d => d.Id)),
                new(keys.Ascending(d => d.Chat).Ascending(d => d.Id)),
                new(keys.Ascending(d => d.Channel).Ascending(d => d.PlatformMessageId)),
                new(keys.Ascending(d => d.ClaimToken)),
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

    /// <summary>
    /// Three round trips whatever the batch size: pick the candidates, lease those still due under a
    /// fresh token (each document's update is atomic, so a message goes to one claimer only), read
    /// back what this claimer got. A claimer that loses some candidates to another returns fewer.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var due = Filter.Eq(d => d.Status, Pending) & Filter.Lte(d => d.DueAt, DocumentFormat.ToStored(now));
        var candidates = await _outbox.Find(due)
            .SortBy(d => d.Priority).ThenBy(d => d.Id)
            .Limit(limit)
            .Project(d => d.Id)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid().ToString("N");
        await _outbox.UpdateManyAsync(
            due & Filter.In(d => d.Id, candidates),
            Update.Set(d => d.DueAt, DocumentFormat.ToStored(now + lease)).Set(d => d.ClaimToken, token),
            cancellationToken: cancellationToken);
        var claimed = await _outbox.Find(d => d.ClaimToken == token)
            .SortBy(d => d.Priority).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. claimed.Select(d => d.ToMessage())];
    }

    public Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        _outbox.UpdateOneAsync(
            d => d.Id == id,
            Update.Set(d => d.Status, nameof(OutboxStatus.Sent))
                .Set(d => d.PlatformMessageId, platformMessageId)
                .Set(d => d.SentAt, DocumentFormat.ToStored(sentAt))
                .Unset(d => d.ClaimToken),
            cancellationToken: cancellationToken);

    public Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken) =>
        _outbox.UpdateOneAsync(
            d => d.Id == id,
            Update.Set(d => d.Status, nameof(OutboxStatus.Failed))
                .Set(d => d.FailureReason, reason)
                .Unset(d => d.ClaimToken),
            cancellationToken: cancellationToken);

    public Task RetryLaterAsync(long id, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken)
    {
        var stored = DocumentFormat.ToStored(notBefore);
        return _outbox.UpdateOneAsync(
            d => d.Id == id,
            Update.Set(d => d.Status, Pending)
                .Set(d => d.NotBefore, stored)
                .Set(d => d.DueAt, stored)
                .Inc(d => d.Attempts, 1)
                .Set(d => d.FailureReason, reason)
                .Unset(d => d.ClaimToken),
            cancellationToken: cancellationToken);
    }

    public async Task<int> DropPendingAsync(ChannelKind channel, string chatId, string reason, CancellationToken cancellationToken)
    {
        var chat = DocumentFormat.Key(channel, chatId);
        var result = await _outbox.UpdateManyAsync(
            d => d.Chat == chat && d.Status == Pending,
            Update.Set(d => d.Status, nameof(OutboxStatus.Dropped)).Set(d => d.FailureReason, reason),
            cancellationToken: cancellationToken);
        return (int)result.ModifiedCount;
    }

    public async Task<int> DropPendingByKeyPrefixAsync(string keyPrefix, string reason, CancellationToken cancellationToken)
    {
        var result = await _outbox.UpdateManyAsync(
            KeyStartsWith(keyPrefix) & Filter.Eq(d => d.Status, Pending),
            Update.Set(d => d.Status, nameof(OutboxStatus.Dropped)).Set(d => d.FailureReason, reason),
            cancellationToken: cancellationToken);
        return (int)result.ModifiedCount;
    }

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountByKeyPrefixAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        var groups = await _outbox.Aggregate()
            .Match(KeyStartsWith(keyPrefix))
            .Group(d => d.Status, group => new { Status = group.Key, Count = group.Count() })
            .ToListAsync(cancellationToken);
        return groups.ToDictionary(group => Enum.Parse<OutboxStatus>(group.Status), group => group.Count);
    }

    public async Task RecordReceiptAsync(
        ChannelKind channel, string platformMessageId, DeliveryReceipt receipt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var sent = Filter.Eq(d => d.Channel, channel.ToString()) & Filter.Eq(d => d.PlatformMessageId, platformMessageId);
        var stored = DocumentFormat.ToStored(at);

        // The conditions keep the first report of each kind, as OutboxReceipts.Apply does.
        var writes = new List<WriteModel<OutboxDocument>>();
        if (receipt is DeliveryReceipt.Delivered or DeliveryReceipt.Seen)
        {
            writes.Add(new UpdateManyModel<OutboxDocument>(sent & Filter.Eq(d => d.DeliveredAt, null), Update.Set(d => d.DeliveredAt, stored)));
        }

        if (receipt is DeliveryReceipt.Seen)
        {
            writes.Add(new UpdateManyModel<OutboxDocument>(sent & Filter.Eq(d => d.SeenAt, null), Update.Set(d => d.SeenAt, stored)));
        }

        if (receipt is DeliveryReceipt.Failed)
        {
            writes.Add(new UpdateManyModel<OutboxDocument>(
                sent,
                Update.Set(d => d.Status, nameof(OutboxStatus.Failed)).Set(d => d.FailureReason, OutboxReceipts.FailedReason)));
        }

        if (writes.Count > 0)
        {
            await _outbox.BulkWriteAsync(writes, cancellationToken: cancellationToken);
        }
    }

    public async Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var document = await _outbox.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToMessage();
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListForChatAsync(
        ChannelKind channel, string chatId, long afterId, CancellationToken cancellationToken)
    {
        var chat = DocumentFormat.Key(channel, chatId);
        var messages = await _outbox.Find(d => d.Chat == chat && d.Id > afterId)
            .SortBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. messages.Select(d => d.ToMessage())];
    }

    /// <summary>An anchored regular expression, which the unique idempotency-key index answers as a range.</summary>
    private static FilterDefinition<OutboxDocument> KeyStartsWith(string keyPrefix) =>
        Filter.Regex(d => d.IdempotencyKey, new BsonRegularExpression("^" + Regex.Escape(keyPrefix)));
}
