using LiteDB;

namespace Hromada.Persistence.LiteDb;

/// <summary>
/// Everything that changes the main file's layout (collections, indexes, upgrades of old documents)
/// happens at open, on one thread, before any store uses the file. LiteDB 5 fails a read of a
/// collection that another transaction is creating at that moment ("page type must be collection
/// page", litedb-org/LiteDB#2792) and then closes the whole engine: the first session a turn stored
/// while other residents' sessions were being read took the host down.
/// </summary>
internal static class LiteDbSchema
{
    /// <summary>Opens the main file ready for its stores: its layout prepared, and the inbox file beside it carried on from it.</summary>
    public static LiteDatabase Open(string path)
    {
        var database = LiteDbFile.Open(path);
        try
        {
            Prepare(database);
            LiteDbInboxStore.GoOnFrom(database, LiteDbInboxStore.PathBeside(path));
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    private static void Prepare(LiteDatabase database)
    {
        LiteDbSessionStore.Prepare(database);
        LiteDbOutboxStore.Prepare(database);
        LiteDbResidentStore.Prepare(database);
        LiteDbCommunityStore.Prepare(database);
        LiteDbPollStore.Prepare(database);
        LiteDbBallotStore.Prepare(database);
        LiteDbLinkCodeStore.Prepare(database);
        LiteDbIdeaStore.Prepare(database);
        LiteDbEventStore.Prepare(database);
        LiteDbRsvpStore.Prepare(database);
        LiteDbReportStore.Prepare(database);
        LiteDbRoleStore.Prepare(database);
        LiteDbAuditStore.Prepare(database);
        LiteDbApiKeyStore.Prepare(database);
        LiteDbSweepStore.Prepare(database);
        LiteDbBroadcastStore.Prepare(database);
    }

    /// <summary>For a collection without indexes: LiteDB creates a collection on its first write and has no call that only creates one.</summary>
    public static void CreateCollection(LiteDatabase database, string name)
    {
        if (database.CollectionExists(name))
        {
            return;
        }

        var collection = database.GetCollection(name);
        database.BeginTrans();
        collection.Insert(new BsonDocument { ["_id"] = "created" });
        collection.Delete("created");
        database.Commit();
    }
}
