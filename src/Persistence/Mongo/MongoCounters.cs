using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

/// <summary>Increasing numbers shared by every instance: one counter document per name.</summary>
internal sealed class MongoCounters(IMongoDatabase database)
{
    private readonly IMongoCollection<CounterDocument> _counters = database.GetCollection<CounterDocument>("counters");

    /// <summary>Reserves <paramref name="count"/> numbers and returns the last of them.</summary>
    public async Task<long> ReserveAsync(string name, int count, CancellationToken cancellationToken)
    {
        var counter = await _counters.FindOneAndUpdateAsync(
            c => c.Id == name,
            Builders<CounterDocument>.Update.Inc(c => c.Value, count),
            new FindOneAndUpdateOptions<CounterDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return counter.Value;
    }

    private sealed class CounterDocument
    {
        public string Id { get; set; } = "";

        public long Value { get; set; }
    }
}
