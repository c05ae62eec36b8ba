using Hromada.Core.Sweeps;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

/// <summary>Leases and marks are found by their _id: no other index.</summary>
internal sealed class MongoSweepStore(IMongoDatabase database) : ISweepStore
{
    private readonly IMongoCollection<SweepLeaseDocument> _leases = database.GetCollection<SweepLeaseDocument>("sweepLeases");
    private readonly IMongoCollection<SweepMarkDocument> _marks = database.GetCollection<SweepMarkDocument>("sweepMarks");

    /// <summary>
    /// One conditional upsert: it updates a lease that ended or is the holder's own, and inserts one
    /// where there is none. While another holder's lease runs, the filter misses it and the upsert's
    /// insert collides with its _id: the duplicate key is the answer "held".
    /// </summary>
    public async Task<bool> TryAcquireLeaseAsync(
        string sweep, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var filter = Builders<SweepLeaseDocument>.Filter;
        try
        {
            await _leases.UpdateOneAsync(
                filter.Eq(d => d.Id, sweep) & (filter.Lte(d => d.Until, DocumentFormat.ToStored(now)) | filter.Eq(d => d.Holder, holder)),
                Builders<SweepLeaseDocument>.Update.Set(d => d.Holder, holder).Set(d => d.Until, DocumentFormat.ToStored(until)),
                new UpdateOptions { IsUpsert = true },
                cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            return false;
        }
    }

    public Task ReleaseLeaseAsync(string sweep, string holder, CancellationToken cancellationToken) =>
        _leases.DeleteOneAsync(d => d.Id == sweep && d.Holder == holder, cancellationToken);

    public async Task<bool> IsDoneAsync(string sweep, string item, CancellationToken cancellationToken)
    {
        var key = SweepMarkDocument.KeyOf(sweep, item);
        return await _marks.Find(d => d.Id == key).AnyAsync(cancellationToken);
    }

    public Task MarkDoneAsync(string sweep, string item, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = SweepMarkDocument.KeyOf(sweep, item);
        return _marks.UpdateOneAsync(
            d => d.Id == key,
            Builders<SweepMarkDocument>.Update.SetOnInsert(d => d.At, DocumentFormat.ToStored(at)),
            new UpdateOptions { IsUpsert = true },
            cancellationToken);
    }
}
