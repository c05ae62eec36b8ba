using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Bots.Tests.Hosting;

/// <summary>
/// The real host in memory with its own LiteDB file in a temp folder, deleted on dispose.
/// <see cref="RestartAsync"/> stops it and starts a new one on the same file, as a redeploy would.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _kestrel;
    private readonly Action<IServiceCollection> _services;
    private Factory _factory;

    private TestHost(IReadOnlyDictionary<string, string?> settings, bool kestrel, Action<IServiceCollection>? services)
    {
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Storage:LiteDbPath"] = Path.Combine(_folder.Path, "hromada.db"),
        };
        _settings.TryAdd("Logging:LogLevel:Default", "Warning");

        // A test that turns a channel on without its fake must still never reach the real platform.
        _settings.TryAdd("Telegram:ApiBaseUrl", "http://127.0.0.1:9");
        _settings.TryAdd("Viber:ApiBaseUrl", "http://127.0.0.1:9");
        _kestrel = kestrel;
        _services = services ?? (_ => { });
        (_factory, Client) = Start();
    }

    public HttpClient Client { get; private set; }

    /// <summary>What the running host logged at Warning and above.</summary>
    public HostLog Log { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>The loopback address of a Kestrel host, for a browser.</summary>
    public Uri Address => _factory.ClientOptions.BaseAddress;

    /// <summary>Starts a host served in memory (TestServer); settings override appsettings.json.</summary>
    public static TestHost Start(params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value), kestrel: false, services: null);

    /// <summary>Starts a host served in memory whose services the test replaces, such as the clock.</summary>
    public static TestHost Start(Action<IServiceCollection> services, params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value), kestrel: false, services);

    /// <summary>Starts a host on a real loopback port, reachable from a browser.</summary>
    public static TestHost StartOnLoopback(params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value), kestrel: true, services: null);

    public async Task RestartAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        (_factory, Client) = Start();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _folder.Dispose();
    }

    private (Factory, HttpClient) Start()
    {
        var log = Log = new HostLog();
        var factory = new Factory(_settings, _services, log);
        try
        {
            if (_kestrel)
            {
                factory.UseKestrel(0);
                factory.StartServer();
            }

            return (factory, factory.CreateClient());
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"The host did not start. It logged:{Environment.NewLine}{log}", exception);
        }
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> services, HostLog log)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(log));
            builder.ConfigureTestServices(services);
        }
    }
}
