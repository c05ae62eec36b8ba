using System.Collections.Concurrent;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

/// <summary>
/// The file's only writer: every store's writes run one after another on one thread. LiteDB 5 lets
/// transactions on different collections run at once, and those corrupt the free-page list they
/// share (litedb-org/LiteDB#2825; "empty page must be defined as empty type", later "page type must
/// be index page" on reads; reproduced on 5.0.20 and 5.0.21); reads beside one writer are safe.
/// Group commit: the writes that queue up meanwhile go into the next transaction together. LiteDB
/// syncs the disk for every page a commit writes (measured: one single-document commit, about four fsyncs), so a transaction per
/// write tops out at a few hundred writes a second; a shared transaction writes each touched page
/// once. Each caller's task completes only after the transaction holding its write is committed,
/// so whatever a caller acknowledges is on disk.
/// </summary>
/// <remarks>
/// A write is a function of what the database holds when it runs (it reads, compares and writes in
/// one go, and keeps no state of its own): it may run twice. LiteDB rolls back the whole transaction
/// when any write in it throws, so then each write of the batch runs again in a transaction of its
/// own, and only the one that throws fails. One thread means every read-compare-write step is atomic
/// without locks of the stores' own, and explicit LiteDB transactions, which belong to the thread
/// that began them, stay on it.
/// </remarks>
internal sealed class LiteDbWriter : IDisposable
{
    /// <summary>Enough to share a commit among many callers, few enough that no write waits long behind the others.</summary>
    private const int MaxBatch = 256;

    private readonly LiteDatabase _database;
    private readonly BlockingCollection<Write> _queue = [];
    private readonly Thread _thread;

    public LiteDbWriter(LiteDatabase database)
    {
        _database = database;
        _thread = new Thread(Run) { IsBackground = true, Name = "LiteDB group commit" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="write"/> in the next transaction; completes once that transaction is committed.</summary>
    public Task<T> WriteAsync<T>(Func<T> write)
    {
        var queued = new Write<T>(write);
        try
        {
            _queue.Add(queued);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(LiteDbWriter)));
        }

        return queued.Task;
    }

    public Task WriteAsync(Action write) =>
        WriteAsync(() =>
        {
            write();
            return true;
        });

    /// <summary>Writes already queued are still committed; new ones are refused.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        var batch = new List<Write>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            try
            {
                if (!TryCommit(batch))
                {
                    batch.ForEach(CommitAlone);
                }
            }
            catch (Exception exception)
            {
                // The database itself failed (closed, damaged): nobody waits forever, and the thread goes on.
                batch.ForEach(write => write.Fail(exception));
            }

            batch.Clear();
        }
    }

    /// <summary>Runs the batch in one transaction; false, with nothing stored, if a write threw.</summary>
    private bool TryCommit(List<Write> batch)
    {
        _database.BeginTrans();
        try
        {
            batch.ForEach(write => write.Run());
        }
        catch (Exception)
        {
            // LiteDB has rolled the transaction back already; this only makes sure.
            _database.Rollback();
            return false;
        }

        try
        {
            _database.Commit();
        }
        catch (Exception exception)
        {
            batch.ForEach(write => write.Fail(exception));
            return true;
        }

        batch.ForEach(write => write.Complete());
        return true;
    }

    private void CommitAlone(Write write)
    {
        _database.BeginTrans();
        try
        {
            write.Run();
            _database.Commit();
        }
        catch (Exception exception)
        {
            _database.Rollback();
            write.Fail(exception);
            return;
        }

        write.Complete();
    }

    private abstract class Write
    {
        public abstract void Run();

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<T> write) : Write
    {
        // Callers continue on the thread pool, never on the writer's thread (which holds the transaction).
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public override void Run() => _result = write();

        public override void Complete() => _done.TrySetResult(_result);

        public override void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
