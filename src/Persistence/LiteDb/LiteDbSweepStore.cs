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

    /// <summary>Makes a lease's or a mark's read, check and write one step.</summary>
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var leases = database.GetCollection<SweepLeaseDocument>(SweepLeasesCollection);
        leases.EnsureIndex(d => d.Until);
        var marks = database.GetCollection<SweepMarkDocument>(SweepMarksCollection);
        marks.EnsureIndex(d => d.At);
    }

    public LiteDbSweepStore(LiteDatabase database, LiteDbWriter writer)
    {
        _leases = database.GetCollection<SweepLeaseDocument>(SweepLeasesCollection);
        _marks = database.GetCollection<SweepMarkDocument>(SweepMarksCollection);
        _writer = writer;
    }

    public Task<bool> TryAcquireLeaseAsync(
        string sweep, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            var lease = _leases.FindById(sweep);
            if (lease is not null && lease.Holder != holder && lease.Until > DocumentFormat.ToStored(now))
            {
                return false;
            }

            _leases.Upsert(new SweepLeaseDocument { Id = sweep, Holder = holder, Until = DocumentFormat.ToStored(until) });
            return true;
        });

    public Task ReleaseLeaseAsync(string sweep, string holder, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            if (_leases.FindById(sweep) is { } lease && lease.Holder == holder)
            {
                lease.Until = DateTime.MinValue;
                _leases.Update(lease);
            }
        });

    public Task<bool> IsDoneAsync(string sweep, string item, CancellationToken cancellationToken) =>
        Task.FromResult(_marks.FindById(SweepMarkDocument.KeyOf(sweep, item)) is not null);

    public Task MarkDoneAsync(string sweep, string item, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = SweepMarkDocument.KeyOf(sweep, item);
        return _writer.WriteAsync(() =>
        {
            // Marked before: the first time stays.
            if (_marks.FindById(key) is null)
            {
                _marks.Insert(new SweepMarkDocument { Id = key, At = DocumentFormat.ToStored(at) });
            }
        });
    }
}
