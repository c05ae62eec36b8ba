using Hromada.Persistence.Mongo;
using MongoDB.Driver;

namespace Hromada.Persistence.Tests;

/// <summary>Runs against the server in HROMADA_TEST_MONGO_URL, each test in a database of its own.</summary>
public sealed class MongoStoreContractTests : StoreContractTests
{
    private readonly string _databaseName = $"hromada_test_{Guid.NewGuid():N}";
    private MongoClient? _client;

    protected override async ValueTask<Stores> OpenStoresAsync()
    {
        var url = Environment.GetEnvironmentVariable("HROMADA_TEST_MONGO_URL");
        if (string.IsNullOrEmpty(url))
        {
            Assert.Skip("HROMADA_TEST_MONGO_URL is not set");
        }

        _client = new MongoClient(url);
        var database = _client.GetDatabase(_databaseName);
        await MongoIndexInitializer.CreateIndexesAsync(database, TestContext.Current.CancellationToken);
        var inbox = new MongoInboxStore(database);
        var outbox = new MongoOutboxStore(database);
        var sessions = new MongoSessionStore(database);
        var residents = new MongoResidentStore(database);
        return new(
            inbox,
            outbox,
            sessions,
            residents,
            new MongoCommunityStore(database),
            new MongoPollStore(database),
            new MongoBallotStore(database),
            new MongoLinkCodeStore(database),
            new MongoIdeaStore(database),
            new MongoEventStore(database),
            new MongoRsvpStore(database),
            new MongoReportStore(database),
            new MongoRoleStore(database),
            new MongoAuditStore(database),
            new MongoCommunityStatsStore(database),
            new MongoApiKeyStore(database),
            new MongoSweepStore(database),
            new MongoBroadcastStore(database),
            new MongoConversationTurnStore(sessions, outbox, residents));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DropDatabaseAsync(_databaseName, CancellationToken.None);
            _client.Dispose();
        }
    }
}
