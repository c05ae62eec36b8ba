using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// Long polling, for a host without a public HTTPS address: deletes any webhook (Telegram refuses
/// getUpdates while one is set), then asks for updates from the offset after the last one handled.
/// An update is confirmed (the offset passes it) only once it is stored, so a crash loses none.
/// </summary>
internal sealed class TelegramPoller(
    IOptions<TelegramOptions> options,
    TelegramClients clients,
    TelegramUpdateHandler handler,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    /// <summary>How long one getUpdates waits for an update before answering with none.</summary>
    public static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || settings.UsesWebhook)
        {
            return;
        }

        var client = clients.ForPolling();
        var allowed = settings.AllowedUpdateTypes();
        var backoff = new Backoff(time);
        try
        {
            while (!await TryAsync(() => client.DeleteWebhook(dropPendingUpdates: false, stoppingToken), "deleteWebhook"))
            {
                await backoff.WaitAsync(stoppingToken);
            }

            TelegramLog.PollingStarted(logger);
            backoff.Reset();
            var offset = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                Update[] updates;
                try
                {
                    updates = await client.GetUpdates(offset, limit: 100, timeout: (int)PollTimeout.TotalSeconds, allowedUpdates: allowed, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    TelegramLog.PollingFailed(logger, exception.Message);
                    await backoff.WaitAsync(stoppingToken);
                    continue;
                }

                offset = await HandleAllAsync(updates, offset, stoppingToken);
                if (updates.Length > 0 && offset <= updates[^1].Id)
                {
                    await backoff.WaitAsync(stoppingToken);
                }
                else
                {
                    backoff.Reset();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: unconfirmed updates come again on the next start.
        }
    }

    /// <returns>The offset after the last update stored; an update that could not be stored is asked for again.</returns>
    private async Task<int> HandleAllAsync(Update[] updates, int offset, CancellationToken stoppingToken)
    {
        foreach (var update in updates)
        {
            try
            {
                await handler.HandleAsync(update, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                TelegramLog.PolledUpdateFailed(logger, exception, update.Id);
                return offset;
            }

            offset = update.Id + 1;
        }

        return offset;
    }

    private async Task<bool> TryAsync(Func<Task> call, string method)
    {
        try
        {
            await call();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            TelegramLog.SetupFailed(logger, method, exception.Message);
            return false;
        }
    }
}
