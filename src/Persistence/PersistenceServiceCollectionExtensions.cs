using Hromada.Core.ApiKeys;
using Hromada.Core.Broadcasts;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Ideas;
using Hromada.Core.Events;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Reports;
using Hromada.Core.Residents;
using Hromada.Core.Sweeps;
using Hromada.Persistence.LiteDb;
using Hromada.Persistence.Mongo;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Hromada.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores of the provider chosen by the "Storage" section. Both providers'
    /// classes are registered, but only the chosen one's are ever resolved, so the other opens nothing.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton(sp => LiteDbSchema.Open(Options(sp).LiteDbPath));
        services.AddSingleton<LiteDbWriter>();
        services.AddSingleton(sp =>
        {
            // The main file opens first: opening it carries the inbox file on (LiteDbSchema.Open).
            sp.GetRequiredService<LiteDatabase>();
            return new LiteDbInboxStore(LiteDbInboxStore.PathBeside(Options(sp).LiteDbPath));
        });
        services.AddSingleton<LiteDbOutboxStore>();
        services.AddSingleton<LiteDbSessionStore>();
        services.AddSingleton<LiteDbResidentStore>();
        services.AddSingleton<LiteDbCommunityStore>();
        services.AddSingleton<LiteDbPollStore>();
        services.AddSingleton<LiteDbBallotStore>();
        services.AddSingleton<LiteDbLinkCodeStore>();
        services.AddSingleton<LiteDbIdeaStore>();
        services.AddSingleton<LiteDbEventStore>();
        services.AddSingleton<LiteDbRsvpStore>();
        services.AddSingleton<LiteDbReportStore>();
        services.AddSingleton<LiteDbRoleStore>();
        services.AddSingleton<LiteDbAuditStore>();
        services.AddSingleton<LiteDbCommunityStatsStore>();
        services.AddSingleton<LiteDbApiKeyStore>();
        services.AddSingleton<LiteDbSweepStore>();
        services.AddSingleton<LiteDbBroadcastStore>();
        services.AddSingleton<LiteDbConversationTurnStore>();

        services.AddSingleton<IMongoClient>(sp => new MongoClient(Options(sp).MongoUrl));
        services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(Options(sp).MongoDatabase));
        services.AddSingleton<MongoInboxStore>();
        services.AddSingleton<MongoOutboxStore>();
        services.AddSingleton<MongoSessionStore>();
        services.AddSingleton<MongoResidentStore>();
        services.AddSingleton<MongoCommunityStore>();
        services.AddSingleton<MongoPollStore>();
        services.AddSingleton<MongoBallotStore>();
        services.AddSingleton<MongoLinkCodeStore>();
        services.AddSingleton<MongoIdeaStore>();
        services.AddSingleton<MongoEventStore>();
        services.AddSingleton<MongoRsvpStore>();
        services.AddSingleton<MongoReportStore>();
        services.AddSingleton<MongoRoleStore>();
        services.AddSingleton<MongoAuditStore>();
        services.AddSingleton<MongoCommunityStatsStore>();
        services.AddSingleton<MongoApiKeyStore>();
        services.AddSingleton<MongoSweepStore>();
        services.AddSingleton<MongoBroadcastStore>();
        services.AddSingleton<MongoConversationTurnStore>();
        services.AddHostedService<MongoIndexInitializer>();

        services.AddSingleton(Pick<IInboxStore, LiteDbInboxStore, MongoInboxStore>);
        services.AddSingleton(Pick<IOutboxStore, LiteDbOutboxStore, MongoOutboxStore>);
        services.AddSingleton(Pick<ISessionStore, LiteDbSessionStore, MongoSessionStore>);
        services.AddSingleton(Pick<IResidentStore, LiteDbResidentStore, MongoResidentStore>);
        services.AddSingleton(Pick<ICommunityStore, LiteDbCommunityStore, MongoCommunityStore>);
        services.AddSingleton(Pick<IPollStore, LiteDbPollStore, MongoPollStore>);
        services.AddSingleton(Pick<IBallotStore, LiteDbBallotStore, MongoBallotStore>);
        services.AddSingleton(Pick<ILinkCodeStore, LiteDbLinkCodeStore, MongoLinkCodeStore>);
        services.AddSingleton(Pick<IIdeaStore, LiteDbIdeaStore, MongoIdeaStore>);
        services.AddSingleton(Pick<IEventStore, LiteDbEventStore, MongoEventStore>);
        services.AddSingleton(Pick<IRsvpStore, LiteDbRsvpStore, MongoRsvpStore>);
        services.AddSingleton(Pick<IReportStore, LiteDbReportStore, MongoReportStore>);
        services.AddSingleton(Pick<IRoleStore, LiteDbRoleStore, MongoRoleStore>);
        services.AddSingleton(Pick<IAuditStore, LiteDbAuditStore, MongoAuditStore>);
        services.AddSingleton(Pick<ICommunityStatsStore, LiteDbCommunityStatsStore, MongoCommunityStatsStore>);
        services.AddSingleton(Pick<IApiKeyStore, LiteDbApiKeyStore, MongoApiKeyStore>);
        services.AddSingleton(Pick<ISweepStore, LiteDbSweepStore, MongoSweepStore>);
        services.AddSingleton(Pick<IBroadcastStore, LiteDbBroadcastStore, MongoBroadcastStore>);
        services.AddSingleton(Pick<IConversationTurnStore, LiteDbConversationTurnStore, MongoConversationTurnStore>);
        return services;
    }

    private static StorageOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static TPort Pick<TPort, TLiteDb, TMongo>(IServiceProvider services)
        where TLiteDb : TPort
        where TMongo : TPort
        where TPort : notnull =>
        Options(services).Provider == StorageProvider.Mongo
            ? services.GetRequiredService<TMongo>()
            : services.GetRequiredService<TLiteDb>();
}
