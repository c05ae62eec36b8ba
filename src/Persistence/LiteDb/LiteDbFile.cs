using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal static class LiteDbFile
{
    /// <summary>
    /// Opens the file in direct mode: this process alone owns it, which is what lets the stores
    /// guard their read-compare-write steps with in-process locks.
    /// </summary>
    public static LiteDatabase Open(string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return new LiteDatabase(new ConnectionString { Filename = fullPath, Connection = ConnectionType.Direct });
    }

    public static bool IsDuplicateKey(LiteException exception) =>
        exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY;
}
