using Hromada.Core.Events;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoRsvpStore(IMongoDatabase database) : IRsvpStore
{
    private readonly IMongoCollection<RsvpDocument> _rsvps = Collection(database);

    public static IMongoCollection<RsvpDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<RsvpDocument>("rsvps");

    /// <summary>
    /// One answer per (event, resident): the _id is that pair, and the unique index says so explicitly
    /// for any other writer; its EventId prefix serves the count and the list of those going. The
    /// resident index serves /mydata.
    /// </summary>
    public static Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<RsvpDocument>.IndexKeys;
        return Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.EventId).Ascending(d => d.ResidentId), new CreateIndexOptions { Unique = true }),
                new(keys.Ascending(d => d.ResidentId)),
            ],
            cancellationToken);
    }

    /// <summary>
    /// Compare-and-set: an insert the unique key refuses to a second writer, or a replace that only
    /// matches the answer as it was read. A writer that loses reads again.
    /// </summary>
    public async Task<Rsvp> AnswerAsync(
        string eventId, string residentId, RsvpAnswer answer, DateTimeOffset answeredAt, CancellationToken cancellationToken)
    {
        var key = RsvpDocument.KeyOf(eventId, residentId);
        while (true)
        {
            var stored = (await _rsvps.Find(d => d.Id == key).FirstOrDefaultAsync(cancellationToken))?.ToRsvp();
            var rsvp = RsvpDocument.Apply(stored, eventId, residentId, answer, answeredAt);
            if (ReferenceEquals(rsvp, stored))
            {
                return rsvp;
            }

            if (stored is null)
            {
                try
                {
                    await _rsvps.InsertOneAsync(RsvpDocument.From(rsvp), cancellationToken: cancellationToken);
                    return rsvp;
                }
                catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
                {
                    continue; // Another answer of the same pair was first.
                }
            }

            var storedAnswer = stored.Answer.ToString();
            var replaced = await _rsvps.ReplaceOneAsync(
                d => d.Id == key && d.Answer == storedAnswer, RsvpDocument.From(rsvp), cancellationToken: cancellationToken);
            if (replaced.MatchedCount == 1)
            {
                return rsvp;
            }
        }
    }

    public async Task<Rsvp?> FindAsync(string eventId, string residentId, CancellationToken cancellationToken)
    {
        var key = RsvpDocument.KeyOf(eventId, residentId);
        var document = await _rsvps.Find(d => d.Id == key).FirstOrDefaultAsync(cancellationToken);
        return document?.ToRsvp();
    }

    public async Task<int> CountGoingAsync(string eventId, CancellationToken cancellationToken) =>
        (int)await _rsvps.CountDocumentsAsync(
            d => d.EventId == eventId && d.Answer == nameof(RsvpAnswer.Going), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<string>> ListGoingAsync(string eventId, CancellationToken cancellationToken)
    {
        var going = await _rsvps.Find(d => d.EventId == eventId && d.Answer == nameof(RsvpAnswer.Going))
            .SortBy(d => d.ResidentId)
            .Project(d => d.ResidentId)
            .ToListAsync(cancellationToken);
        return going;
    }

    public async Task<IReadOnlyList<Rsvp>> ListByResidentAsync(string residentId, CancellationToken cancellationToken)
    {
        var answers = await _rsvps.Find(d => d.ResidentId == residentId)
            .SortBy(d => d.AnsweredAt)
            .ThenBy(d => d.EventId)
            .ToListAsync(cancellationToken);
        return [.. answers.Select(d => d.ToRsvp())];
    }
}
