using Hromada.Bots.Tests.Hosting;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>A real host in webhook mode per test, talking to its own fake Bot API.</summary>
public abstract class TelegramWebhookHostTests : IAsyncLifetime
{
    private protected FakeTelegramApi Api { get; private set; } = null!;

    private protected TestHost Host { get; private set; } = null!;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Settings a test class adds to the webhook ones, such as its super-admins.</summary>
    private protected virtual (string Key, string? Value)[] MoreSettings => [];

    public async ValueTask InitializeAsync()
    {
        Api = await FakeTelegramApi.StartAsync();
        Host = TestHost.Start([.. TelegramResident.WebhookSettings(Api), .. MoreSettings]);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
