using Hromada.Core.Admin;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Hromada.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Tests;

/// <summary>
/// The engine with its hosted services on a LiteDB file, as the host wires it. Stopping and starting
/// again on the same file is a restart.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly List<IHostedService> _started = [];
    private readonly Dictionary<string, long> _lastSeenReply = [];

    /// <summary>The dev-chat user configured as a super-admin.</summary>
    public const string SuperAdmin = "admin";

    private EngineHarness(ServiceProvider provider) => _provider = provider;

    public ConversationWorker Worker => _provider.GetRequiredService<ConversationWorker>();

    public ConversationEngine Engine => _provider.GetRequiredService<ConversationEngine>();

    public IInboxStore Inbox => _provider.GetRequiredService<IInboxStore>();

    public IOutboxStore Outbox => _provider.GetRequiredService<IOutboxStore>();

    public ISessionStore Sessions => _provider.GetRequiredService<ISessionStore>();

    public IResidentStore Residents => _provider.GetRequiredService<IResidentStore>();

    public T Services<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static async Task<EngineHarness> StartAsync(
        string databasePath, TimeProvider time, Action<IServiceCollection>? extra = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:LiteDbPath"] = databasePath })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(time)
            .AddSingleton(new ConversationOptions { Lanes = 4 })
            .AddSingleton(new AdminOptions { SuperAdmins = [$"dev:{SuperAdmin}"] })
            .AddPersistence()
            .AddHromadaCore();
        extra?.Invoke(services);

        var harness = new EngineHarness(services.BuildServiceProvider());
        foreach (var hosted in harness._provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            harness._started.Add(hosted);
        }

        return harness;
    }

    public static InboundMessage Message(
        string user, string? text = null, string? button = null, ChannelKind channel = ChannelKind.Dev) =>
        new(channel, Guid.NewGuid().ToString("N"), user, user, DateTimeOffset.UnixEpoch)
        {
            Text = text,
            ButtonData = button,
            LanguageCode = "uk",
            DisplayName = "Оксана",
        };

    /// <summary>Sends a message, waits until it is handled and returns the replies it produced.</summary>
    public async Task<IReadOnlyList<OutboundReply>> SendAsync(InboundMessage message)
    {
        Assert.True(await Worker.AcceptAsync(message, CancellationToken.None));
        await WaitUntilHandledAsync();
        return await NewRepliesAsync(message.ChatId, message.Channel);
    }

    public Task<IReadOnlyList<OutboundReply>> SayAsync(string user, string text) => SendAsync(Message(user, text));

    public Task<IReadOnlyList<OutboundReply>> PressAsync(string user, string button) => SendAsync(Message(user, button: button));

    /// <summary>Waits until no inbox entry is pending (10 s at most).</summary>
    public async Task WaitUntilHandledAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Inbox.GetPendingAsync(CancellationToken.None)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The inbox was not handled within 10 s.");
            await Task.Delay(5);
        }
    }

    public async Task<IReadOnlyList<OutboundReply>> NewRepliesAsync(string chatId, ChannelKind channel = ChannelKind.Dev)
    {
        var key = $"{channel}:{chatId}";
        var after = _lastSeenReply.GetValueOrDefault(key);
        var messages = await Outbox.ListForChatAsync(channel, chatId, after, CancellationToken.None);
        if (messages.Count > 0)
        {
            _lastSeenReply[key] = messages[^1].Id;
        }

        return messages.Select(message => message.Reply).ToList();
    }

    public Task<Resident?> ResidentAsync(string user, ChannelKind channel = ChannelKind.Dev) =>
        Residents.FindByIdentityAsync(new IdentityKey(channel, user), CancellationToken.None);

    public Task<ConversationSession?> SessionAsync(string user) =>
        Sessions.FindAsync(new IdentityKey(ChannelKind.Dev, user).ToString(), CancellationToken.None);

    public static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
    }
}
