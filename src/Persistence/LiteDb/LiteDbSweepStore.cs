using Hromada.Core.Sweeps;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbSweepStore : ISweepStore
{
    private const string SweepLeasesCollection = "sweepLeases";
    private const string SweepMarksCollection = "sweepMarks";

    private readonly ILiteCollection<SweepLeaseDocument> _leases;
    private readonly ILiteCollection<SweepMarkDocument> _marks;

    /// <summary>Makes a lease's or a mark's read, check and write one step; the file has no other writer (direct mode).</summary>
    private readonly Lock _leaseLock = new();

    /// <summary>
    /// The indexes create the collections now, as the host starts: LiteDB 5 can break its page state
    /// when a collection is first created while other writers are busy (sweeps run from the start).
    /// </summary>
    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var leases = database.GetCollection<SweepLeaseDocument>(SweepLeasesCollection);
        leases.EnsureIndex(d => d.Until);
        var marks = database.GetCollection<SweepMarkDocument>(SweepMarksCollection);
        marks.EnsureIndex(d => d.At);
    }

    public LiteDbSweepStore(LiteDatabase database)
    {
        _leases = database.GetCollection<SweepLeaseDocument>(SweepLeasesCollection);
        _marks = database.GetCollection<SweepMarkDocument>(SweepMarksCollection);
    }

    public Task<bool> TryAcquireLeaseAsync(
        string sweep, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_leaseLock)
        {
            var lease = _leases.FindById(sweep);
            if (lease is not null && lease.Holder != holder && lease.Until > DocumentFormat.ToStored(now))
            {
                return Task.FromResult(false);
            }

            _leases.Upsert(new SweepLeaseDocument { Id = sweep, Holder = holder, Until = DocumentFormat.ToStored(until) });
            return Task.FromResult(true);
        }
    }

    public Task ReleaseLeaseAsync(string sweep, string holder, CancellationToken cancellationToken)
    {
        lock (_leaseLock)
        {
            // Ended rather than deleted: a delete that empties a page, under other writers, is where LiteDB 5 breaks.
            if (_leases.FindById(sweep) is { } lease && lease.Holder == holder)
            {
                lease.Until = DateTime.MinValue;
                _leases.Update(lease);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsDoneAsync(string sweep, string item, CancellationToken cancellationToken) =>
        Task.FromResult(_marks.FindById(SweepMarkDocument.KeyOf(sweep, item)) is not null);

    public Task MarkDoneAsync(string sweep, string item, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = SweepMarkDocument.KeyOf(sweep, item);
        lock (_leaseLock)
        {
            // Marked before: the first time stays.
            if (_marks.FindById(key) is null)
            {
                _marks.Insert(new SweepMarkDocument { Id = key, At = DocumentFormat.ToStored(at) });
            }
        }

        return Task.CompletedTask;
    }
}
