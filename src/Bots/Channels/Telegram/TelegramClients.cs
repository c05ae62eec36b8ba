using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// Makes Bot API clients over pooled handlers from <see cref="IHttpClientFactory"/>, so DNS changes
/// are picked up. Sending goes through the resilience pipeline (retries on 5xx and timeouts, never
/// on 429); long polling has its own client, whose requests wait on purpose.
/// </summary>
internal sealed class TelegramClients(IHttpClientFactory http, IOptions<TelegramOptions> options)
{
    public const string SendingClient = "Telegram";
    public const string PollingClient = "Telegram.Polling";

    public ITelegramBotClient ForSending() => Create(http.CreateClient(SendingClient));

    public ITelegramBotClient ForPolling() => Create(http.CreateClient(PollingClient));

    private TelegramBotClient Create(HttpClient client)
    {
        var settings = options.Value;

        // RetryCount 0: a 429 must reach the outbox dispatcher, which waits retry_after for the whole bot.
        var clientOptions = new TelegramBotClientOptions(settings.Token!.Trim(), settings.ApiBaseUrl) { RetryCount = 0 };
        return new TelegramBotClient(clientOptions, client);
    }
}
