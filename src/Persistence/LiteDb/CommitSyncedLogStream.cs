namespace Hromada.Persistence.LiteDb;

/// <summary>
/// LiteDB's write-ahead log file, synced to disk twice per transaction instead of once per page.
/// </summary>
/// <remarks>
/// LiteDB 5 appends a transaction's pages to the log and asks for a sync after each page; the last
/// page carries the "confirmed" flag, and on opening LiteDB replays exactly the transactions whose
/// confirming page it finds. What keeps a power loss from confirming a transaction whose other pages
/// never reached the disk is only the order: every earlier page durable before the confirming one.
/// This stream keeps that order with one sync just before a confirming page is written (unless it is
/// the transaction's only page) and one just after it (so a commit is durable when LiteDB's Commit
/// returns), and ignores LiteDB's syncs
/// between pages. A shortened log (after a checkpoint has copied it into the data file) is synced at
/// once, so new pages never land in a log whose old, already copied transactions could be replayed.
/// A killed process loses nothing either way: its writes are already in the operating system.
/// </remarks>
internal sealed class CommitSyncedLogStream(string path) : Stream
{
    /// <summary>LiteDB's page size and the offset of a page header's "confirmed" flag (BasePage.P_IS_CONFIRMED).</summary>
    private const int PageSize = 8192;
    private const int ConfirmedFlagOffset = 18;

    // No buffer of its own: every write goes straight to the operating system.
    private readonly FileStream _file = new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);

    // Pages written since the last sync: a transaction of one page (only the confirming one) needs no sync before it.
    private bool _unsynced;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count)
    {
        var confirms = count == PageSize && buffer[offset + ConfirmedFlagOffset] == 1;
        if (confirms && _unsynced)
        {
            _file.Flush(flushToDisk: true);
        }

        _file.Write(buffer, offset, count);
        _unsynced = !confirms;
        if (confirms)
        {
            _file.Flush(flushToDisk: true);
        }
    }

    /// <summary>LiteDB's sync after every page: the confirming page's syncs in <see cref="Write"/> stand for it.</summary>
    public override void Flush()
    {
    }

    public override void SetLength(long value)
    {
        _file.SetLength(value);
        _file.Flush(flushToDisk: true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
