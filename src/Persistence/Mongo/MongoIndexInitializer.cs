using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

/// <summary>Creates the MongoDB indexes before the host serves anything; the uniqueness rules depend on them.</summary>
internal sealed class MongoIndexInitializer(IOptions<StorageOptions> options, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.Provider == StorageProvider.Mongo
            ? CreateIndexesAsync(services.GetRequiredService<IMongoDatabase>(), cancellationToken)
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Idempotent: creating an index that exists with the same definition does nothing.</summary>
    public static async Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await MongoInboxStore.CreateIndexesAsync(database, cancellationToken);
        await MongoOutboxStore.CreateIndexesAsync(database, cancellationToken);
        await MongoResidentStore.CreateIndexesAsync(database, cancellationToken);
        await MongoPollStore.CreateIndexesAsync(database, cancellationToken);
        await MongoBallotStore.CreateIndexesAsync(database, cancellationToken);
        await MongoLinkCodeStore.CreateIndexesAsync(database, cancellationToken);
        await MongoIdeaStore.CreateIndexesAsync(database, cancellationToken);
        await MongoEventStore.CreateIndexesAsync(database, cancellationToken);
        await MongoRsvpStore.CreateIndexesAsync(database, cancellationToken);
        await MongoReportStore.CreateIndexesAsync(database, cancellationToken);
        await MongoRoleStore.CreateIndexesAsync(database, cancellationToken);
        await MongoAuditStore.CreateIndexesAsync(database, cancellationToken);
    }
}
