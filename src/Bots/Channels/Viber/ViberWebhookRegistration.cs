using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Hromada.Bots.Channels.Viber;

/// <summary>
/// Calls set_webhook once the host listens: Viber checks a new webhook at once by calling it with a
/// "webhook" event, so registering earlier would fail. A failure is logged as an error and the host
/// keeps running (health, other channels, and sending still work; Viber keeps any webhook it had),
/// so an outage at Viber does not crash-loop a deployment. Without a WebhookUrl it only reports
/// which webhook the account has.
/// </summary>
internal sealed partial class ViberWebhookRegistration(
    ViberClient client,
    IOptions<ViberOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ViberWebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            if (string.IsNullOrWhiteSpace(settings.WebhookUrl))
            {
                var account = await client.GetAccountInfoAsync(stoppingToken);
                LogNoWebhookUrl(account.Webhook ?? "(none)", account.Status, account.StatusMessage);
                return;
            }

            var result = await client.SetWebhookAsync(settings.WebhookUrl, ViberClient.EventTypes, stoppingToken);
            if (result.IsOk)
            {
                LogWebhookSet(settings.WebhookUrl);
            }
            else
            {
                LogWebhookRefused(settings.WebhookUrl, result.Status, result.StatusMessage);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or System.Text.Json.JsonException)
        {
            LogWebhookFailed(exception, settings.WebhookUrl ?? "(none)");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before Viber answered.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Viber webhook set to {WebhookUrl}")]
    private partial void LogWebhookSet(string webhookUrl);

    [LoggerMessage(Level = LogLevel.Error, Message = "Viber refused the webhook {WebhookUrl}: status {Status} {StatusMessage}; check Viber:Token and that the URL reaches POST /webhooks/viber over https")]
    private partial void LogWebhookRefused(string webhookUrl, int status, string? statusMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Setting the Viber webhook {WebhookUrl} failed; Viber could not be reached")]
    private partial void LogWebhookFailed(Exception exception, string webhookUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Viber:WebhookUrl is not set, so the host registers no webhook; the account's webhook is {Webhook} (status {Status} {StatusMessage})")]
    private partial void LogNoWebhookUrl(string webhook, int status, string? statusMessage);
}
