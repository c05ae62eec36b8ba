using Hromada.Core.Events;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoEventStore(IMongoDatabase database) : IEventStore
{
    private readonly IMongoCollection<EventDocument> _events = Collection(database);

    public static IMongoCollection<EventDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<EventDocument>("events");

    /// <summary>The upcoming list: the communities asked for, by start; the reminders: every community, by start.</summary>
    public static Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken) =>
        Collection(database).Indexes.CreateManyAsync(
            [
                new CreateIndexModel<EventDocument>(
                    Builders<EventDocument>.IndexKeys.Ascending(d => d.CommunityId).Ascending(d => d.StartsAt)),
                new CreateIndexModel<EventDocument>(Builders<EventDocument>.IndexKeys.Ascending(d => d.StartsAt)),
            ],
            cancellationToken);

    public Task SaveAsync(CivicEvent civicEvent, CancellationToken cancellationToken) =>
        _events.ReplaceOneAsync(
            d => d.Id == civicEvent.Id, EventDocument.From(civicEvent), new ReplaceOptions { IsUpsert = true }, cancellationToken);

    public async Task<CivicEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _events.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToEvent();
    }

    public async Task<IReadOnlyList<CivicEvent>> ListUpcomingAsync(
        IReadOnlyCollection<string> communityIds, DateTimeOffset from, int limit, CancellationToken cancellationToken)
    {
        var filter = Builders<EventDocument>.Filter;
        var upcoming = await _events
            .Find(filter.In(d => d.CommunityId, communityIds)
                & filter.Gt(d => d.StartsAt, DocumentFormat.ToStored(from))
                & filter.Eq(d => d.Cancelled, false))
            .SortBy(d => d.StartsAt)
            .ThenBy(d => d.Id)
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return [.. upcoming.Select(d => d.ToEvent())];
    }

    public async Task<IReadOnlyList<CivicEvent>> ListStartingBetweenAsync(
        DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var filter = Builders<EventDocument>.Filter;
        var starting = await _events
            .Find(filter.Gt(d => d.StartsAt, DocumentFormat.ToStored(after))
                & filter.Lte(d => d.StartsAt, DocumentFormat.ToStored(until))
                & filter.Eq(d => d.Cancelled, false))
            .SortBy(d => d.StartsAt)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. starting.Select(d => d.ToEvent())];
    }
}
