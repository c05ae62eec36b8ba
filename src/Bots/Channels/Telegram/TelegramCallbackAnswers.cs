using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// Answers pressed inline buttons (answerCallbackQuery) off the webhook's path, so Telegram gets its
/// 200 at once. An answer lost in a crash costs only a spinner that Telegram stops by itself.
/// </summary>
internal sealed class TelegramCallbackAnswers(
    TelegramClients clients,
    IOptions<TelegramOptions> options,
    ILogger<TelegramCallbackAnswers> logger) : BackgroundService
{
    private readonly Channel<string> _queries = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(string callbackQueryId) => _queries.Writer.TryWrite(callbackQueryId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        var client = clients.ForSending();
        try
        {
            await foreach (var queryId in _queries.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await client.AnswerCallbackQuery(queryId, cancellationToken: stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Usually "query is too old": the resident pressed long ago. Nothing to redo.
                    TelegramLog.CallbackAnswerFailed(logger, exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
