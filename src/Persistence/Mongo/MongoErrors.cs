using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal static class MongoErrors
{
    public static bool IsDuplicateKey(MongoWriteException exception) =>
        exception.WriteError?.Category == ServerErrorCategory.DuplicateKey;
}
