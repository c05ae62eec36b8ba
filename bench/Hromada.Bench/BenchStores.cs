using System.Diagnostics;
using Hromada.Core;
using Hromada.Core.Conversations;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Core.Statuses;
using Hromada.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bench;

/// <summary>
/// The host's own stores on a LiteDB file, opened in the bench process to seed it before the host
/// starts (LiteDB's direct mode lets one process hold the file, so the bench closes it first).
/// Everything goes through the store ports, as the host would write it; Core's services are
/// registered too (never started), for the work the bench times outside the host.
/// </summary>
internal sealed class BenchStores : IAsyncDisposable
{
    /// <summary>Calls in flight while seeding: the group commit shares a transaction among them.</summary>
    private const int SeedConcurrency = 64;

    private readonly ServiceProvider _services;

    private BenchStores(ServiceProvider services) => _services = services;

    public IResidentStore Residents => _services.GetRequiredService<IResidentStore>();

    public IOutboxStore Outbox => _services.GetRequiredService<IOutboxStore>();

    public IPollStore Polls => _services.GetRequiredService<IPollStore>();

    public IBallotStore Ballots => _services.GetRequiredService<IBallotStore>();

    /// <summary>Core's nightly recomputation on these stores, as the host's sweep runs it.</summary>
    public StatusRecomputation StatusRecomputation => _services.GetRequiredService<StatusRecomputation>();

    public static BenchStores Open(string liteDbPath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:LiteDbPath"] = liteDbPath })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPersistence();
        services.AddLogging();
        services.AddHromadaCore();
        return new BenchStores(services.BuildServiceProvider());
    }

    /// <summary>A registered Telegram resident, as onboarding leaves one.</summary>
    public static Resident Resident(long telegramUserId, string communityId, DateTimeOffset at)
    {
        var id = telegramUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Resident
        {
            Id = $"bench-{id}",
            Identities = [new ChannelIdentity(ChannelKind.Telegram, id, id)],
            Name = "Олена Коваленко",
            CommunityId = communityId,
            Spheres = ["ecology", "transport"],
            ConsentedAt = at,
            CreatedAt = at,
            RegisteredAt = at,
        };
    }

    /// <summary>Runs <paramref name="seed"/> for 0..count-1, many at once, printing progress now and then.</summary>
    public static async Task SeedAsync(string what, int count, Func<int, Task> seed, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var done = 0;
        var step = Math.Max(count / 10, 1);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = SeedConcurrency, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                await seed(i);
                if (Interlocked.Increment(ref done) % step == 0)
                {
                    Console.WriteLine($"  {what}: {done:N0} of {count:N0} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)");
                }
            });
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
