using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// Tells Telegram about the bot at start-up: the webhook (address, secret, update kinds) when one is
/// configured, and the command menu in Ukrainian (also the default for other languages) and English.
/// Runs in the background, retrying with backoff, so an unreachable Bot API never stops the host.
/// </summary>
internal sealed class TelegramSetup(
    IOptions<TelegramOptions> options,
    TelegramClients clients,
    IEnumerable<IDialog> dialogs,
    TimeProvider time,
    ILogger<TelegramSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            return;
        }

        var client = clients.ForSending();
        try
        {
            if (settings.UsesWebhook)
            {
                await UntilDoneAsync(() => SetWebhookAsync(client, settings, stoppingToken), "setWebhook", stoppingToken);
            }

            await UntilDoneAsync(() => SetCommandsAsync(client, stoppingToken), "setMyCommands", stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before Telegram could be reached.
        }
    }

    private async Task SetWebhookAsync(ITelegramBotClient client, TelegramOptions settings, CancellationToken cancellationToken)
    {
        await client.SetWebhook(
            settings.WebhookUrl!, secretToken: settings.WebhookSecret, allowedUpdates: settings.AllowedUpdateTypes(), cancellationToken: cancellationToken);
        TelegramLog.WebhookSet(logger);
    }

    private async Task SetCommandsAsync(ITelegramBotClient client, CancellationToken cancellationToken)
    {
        // No language code: what every app without its own list shows. Ukrainian, the residents' first language.
        foreach (var (language, code) in new (Language, string?)[] { (Language.Uk, null), (Language.Uk, "uk"), (Language.En, "en") })
        {
            var (commands, undescribed) = TelegramCommands.For(dialogs, language);
            if (undescribed.Count > 0)
            {
                TelegramLog.CommandsUndescribed(logger, language, string.Join(", ", undescribed));
            }

            if (commands.Count > 0)
            {
                await client.SetMyCommands(commands, scope: null, languageCode: code, cancellationToken: cancellationToken);
            }
        }
    }

    private async Task UntilDoneAsync(Func<Task> call, string method, CancellationToken stoppingToken)
    {
        var backoff = new Backoff(time);
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                TelegramLog.SetupFailed(logger, method, exception.Message);
            }

            await backoff.WaitAsync(stoppingToken);
        }
    }
}
