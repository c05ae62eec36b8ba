using Hromada.Core.Sweeps;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbSweepStore : ISweepStore
{
    private readonly ILiteCollection<SweepLeaseDocument> _leases;
    private readonly ILiteCollection<SweepMarkDocument> _marks;

    /// <summary>Makes a lease's read, check and write one step; the file has no other writer (direct mode).</summary>
    private readonly Lock _leaseLock = new();

    /// <summary>
    /// The indexes create the collections now, as the host starts: LiteDB 5 can break its page state
    /// when a collection is first created while other writers are busy (sweeps run from the start).
    /// </summary>
    public LiteDbSweepStore(LiteDatabase database)
    {
        _leases = database.GetCollection<SweepLeaseDocument>("sweepLeases");
        _leases.EnsureIndex(d => d.Until);
        _marks = database.GetCollection<SweepMarkDocument>("sweepMarks");
        _marks.EnsureIndex(d => d.At);
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
            if (_leases.FindById(sweep) is { } lease && lease.Holder == holder)
            {
                _leases.Delete(sweep);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsDoneAsync(string sweep, string item, CancellationToken cancellationToken) =>
        Task.FromResult(_marks.FindById(SweepMarkDocument.KeyOf(sweep, item)) is not null);

    public Task MarkDoneAsync(string sweep, string item, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            _marks.Insert(new SweepMarkDocument { Id = SweepMarkDocument.KeyOf(sweep, item), At = DocumentFormat.ToStored(at) });
        }
        catch (LiteException exception) when (LiteDbFile.IsDuplicateKey(exception))
        {
            // Marked before: the first time stays.
        }

        return Task.CompletedTask;
    }
}
