using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Persistence.LiteDb;
using Hromada.Persistence.Mongo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hromada.Persistence.Tests;

public sealed class PersistenceServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hromada-tests", $"{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task AddPersistence_LiteDb_StartsAndResolvesLiteDbStoresOnTheConfiguredFile()
    {
        var path = Path.Combine(_folder, "data", "hromada.db");
        using var host = BuildHost(("Storage:LiteDbPath", path));

        await host.StartAsync(TestContext.Current.CancellationToken);

        var services = host.Services;
        Assert.IsType<LiteDbInboxStore>(services.GetRequiredService<IInboxStore>());
        Assert.IsType<LiteDbOutboxStore>(services.GetRequiredService<IOutboxStore>());
        Assert.IsType<LiteDbSessionStore>(services.GetRequiredService<ISessionStore>());
        Assert.IsType<LiteDbResidentStore>(services.GetRequiredService<IResidentStore>());
        Assert.IsType<LiteDbCommunityStore>(services.GetRequiredService<ICommunityStore>());
        Assert.IsType<LiteDbPollStore>(services.GetRequiredService<IPollStore>());
        Assert.IsType<LiteDbBallotStore>(services.GetRequiredService<IBallotStore>());
        Assert.IsType<LiteDbLinkCodeStore>(services.GetRequiredService<ILinkCodeStore>());
        Assert.True(File.Exists(path));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void AddPersistence_Mongo_ResolvesMongoStores()
    {
        using var host = BuildHost(("Storage:Provider", "Mongo"), ("Storage:MongoUrl", "mongodb://localhost:27017"));

        var services = host.Services;

        Assert.IsType<MongoInboxStore>(services.GetRequiredService<IInboxStore>());
        Assert.IsType<MongoOutboxStore>(services.GetRequiredService<IOutboxStore>());
        Assert.IsType<MongoSessionStore>(services.GetRequiredService<ISessionStore>());
        Assert.IsType<MongoResidentStore>(services.GetRequiredService<IResidentStore>());
        Assert.IsType<MongoCommunityStore>(services.GetRequiredService<ICommunityStore>());
        Assert.IsType<MongoPollStore>(services.GetRequiredService<IPollStore>());
        Assert.IsType<MongoBallotStore>(services.GetRequiredService<IBallotStore>());
        Assert.IsType<MongoLinkCodeStore>(services.GetRequiredService<ILinkCodeStore>());
    }

    [Fact]
    public async Task AddPersistence_MongoWithoutUrl_FailsToStartNamingTheSetting()
    {
        using var host = BuildHost(("Storage:Provider", "Mongo"));

        var start = () => host.StartAsync(TestContext.Current.CancellationToken);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(start);
        Assert.Contains("Storage:MongoUrl", exception.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddPersistence();
        return builder.Build();
    }
}
