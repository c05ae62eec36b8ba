using Hromada.Bots.Tests.Hosting;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>A real host in webhook mode per test, talking to its own fake Bot API.</summary>
public abstract class TelegramWebhookHostTests : IAsyncLifetime
{
    private protected FakeTelegramApi Api { get; private set; } = null!;

    private protected TestHost Host { get; private set; } = null!;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Api = await FakeTelegramApi.StartAsync();
        Host = TestHost.Start(TelegramResident.WebhookSettings(Api));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
