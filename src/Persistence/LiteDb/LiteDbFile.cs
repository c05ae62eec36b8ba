using LiteDB;
using LiteDB.Engine;

namespace Hromada.Persistence.LiteDb;

internal static class LiteDbFile
{
    /// <summary>
    /// Opens the file in direct mode: this process alone owns it, which is what lets one in-process
    /// writer (<see cref="LiteDbWriter"/>) make each read-compare-write step atomic. The write-ahead log beside it
    /// ("&lt;name&gt;-log.db", where LiteDB keeps it too) is synced per commit, not per page
    /// (<see cref="CommitSyncedLogStream"/>). <paramref name="collation"/> is how a new file compares
    /// strings (LiteDB's default: by the current culture, ignoring case); an existing file opens with
    /// its own, and LiteDB refuses another one.
    /// </summary>
    public static LiteDatabase Open(string path, Collation? collation = null)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var logPath = LogPathOf(fullPath);
        var log = new CommitSyncedLogStream(logPath);
        try
        {
            return new DatabaseWithLog(new LiteEngine(new EngineSettings { Filename = fullPath, LogStream = log, Collation = collation }), log, logPath);
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    public static bool IsDuplicateKey(LiteException exception) =>
        exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY;

    /// <summary>LiteDB's own name for the log: "data.db" → "data-log.db".</summary>
    private static string LogPathOf(string dataPath) =>
        Path.Combine(Path.GetDirectoryName(dataPath)!, $"{Path.GetFileNameWithoutExtension(dataPath)}-log{Path.GetExtension(dataPath)}");

    /// <summary>LiteDB leaves a log stream it was given open: this closes it after the engine, and removes it when empty, as LiteDB does with its own.</summary>
    private sealed class DatabaseWithLog(LiteEngine engine, CommitSyncedLogStream log, string logPath) : LiteDatabase(engine)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                log.Dispose();
                if (new FileInfo(logPath) is { Exists: true, Length: 0 })
                {
                    File.Delete(logPath);
                }
            }
        }
    }
}
