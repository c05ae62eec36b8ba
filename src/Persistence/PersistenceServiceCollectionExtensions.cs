using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Persistence.LiteDb;
using Hromada.Persistence.Mongo;
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

        services.AddSingleton(sp => LiteDbFile.Open(Options(sp).LiteDbPath));
        services.AddSingleton<LiteDbWriter>();
        services.AddSingleton<LiteDbInboxStore>();
        services.AddSingleton<LiteDbOutboxStore>();
        services.AddSingleton<LiteDbSessionStore>();
        services.AddSingleton<LiteDbResidentStore>();
        services.AddSingleton<LiteDbCommunityStore>();
        services.AddSingleton<LiteDbPollStore>();
        services.AddSingleton<LiteDbBallotStore>();
        services.AddSingleton<LiteDbLinkCodeStore>();

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
        services.AddHostedService<MongoIndexInitializer>();

        services.AddSingleton(Pick<IInboxStore, LiteDbInboxStore, MongoInboxStore>);
        services.AddSingleton(Pick<IOutboxStore, LiteDbOutboxStore, MongoOutboxStore>);
        services.AddSingleton(Pick<ISessionStore, LiteDbSessionStore, MongoSessionStore>);
        services.AddSingleton(Pick<IResidentStore, LiteDbResidentStore, MongoResidentStore>);
        services.AddSingleton(Pick<ICommunityStore, LiteDbCommunityStore, MongoCommunityStore>);
        services.AddSingleton(Pick<IPollStore, LiteDbPollStore, MongoPollStore>);
        services.AddSingleton(Pick<IBallotStore, LiteDbBallotStore, MongoBallotStore>);
        services.AddSingleton(Pick<ILinkCodeStore, LiteDbLinkCodeStore, MongoLinkCodeStore>);
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
