using Hromada.Core.Events;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbEventStore : IEventStore
{
    private const string Collection = "events";

    private readonly ILiteCollection<EventDocument> _events;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var events = database.GetCollection<EventDocument>(Collection);
        events.EnsureIndex(d => d.StartsAt);
    }

    public LiteDbEventStore(LiteDatabase database, LiteDbWriter writer)
    {
        _events = database.GetCollection<EventDocument>(Collection);
        _writer = writer;
    }

    public Task SaveAsync(CivicEvent civicEvent, CancellationToken cancellationToken)
    {
        var document = EventDocument.From(civicEvent);
        return _writer.WriteAsync(() => _events.Upsert(document));
    }

    public Task<CivicEvent?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_events.FindById(id)?.ToEvent());

    /// <summary>Upcoming events are few at any time: the start index finds them, the rest is filtered here.</summary>
    public Task<IReadOnlyList<CivicEvent>> ListUpcomingAsync(
        IReadOnlyCollection<string> communityIds, DateTimeOffset from, int limit, CancellationToken cancellationToken)
    {
        var upcoming = _events.Find(Query.GT(nameof(EventDocument.StartsAt), DocumentFormat.ToStored(from)))
            .Where(d => !d.Cancelled && communityIds.Contains(d.CommunityId))
            .Select(d => d.ToEvent())
            .OrderBy(e => e.StartsAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<CivicEvent>>(upcoming);
    }

    public Task<IReadOnlyList<CivicEvent>> ListStartingBetweenAsync(
        DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var starting = _events.Find(Query.And(
                Query.GT(nameof(EventDocument.StartsAt), DocumentFormat.ToStored(after)),
                Query.LTE(nameof(EventDocument.StartsAt), DocumentFormat.ToStored(until))))
            .Where(d => !d.Cancelled)
            .Select(d => d.ToEvent())
            .OrderBy(e => e.StartsAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<CivicEvent>>(starting);
    }
}
