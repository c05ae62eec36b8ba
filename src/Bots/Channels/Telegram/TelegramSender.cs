using System.Globalization;
using System.Net;
using Hromada.Core.Conversations;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// Sends an outbox message as one or more Bot API calls and says how it went. Transient faults are
/// retried by the HTTP pipeline below; what is left becomes a <see cref="DeliveryResult"/>.
/// </summary>
internal sealed partial class TelegramSender(TelegramClients clients, ILogger<TelegramSender> logger) : IChannelSender
{
    public ChannelKind Channel => ChannelKind.Telegram;

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new DeliveryResult.Failed($"Telegram chat id \"{message.ChatId}\" is not a number.");
        }

        var parts = TelegramReplyRenderer.Render(message.Reply);
        if (parts.Count == 0)
        {
            return new DeliveryResult.Failed("The reply has nothing to show.");
        }

        var client = clients.ForSending();
        try
        {
            Message? last = null;
            foreach (var part in parts)
            {
                last = await SendPartAsync(client, chatId, part, cancellationToken);
            }

            return new DeliveryResult.Delivered(last!.Id.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException refused)
        {
            var result = Interpret(refused);
            LogRefused(message.Id, refused.ErrorCode, result.GetType().Name);
            return result;
        }
        catch (Exception outage) when (IsOutage(outage) && !cancellationToken.IsCancellationRequested)
        {
            // What the pipeline's retries left: no answer, a timeout, or a response that is not the Bot API's.
            LogOutage(outage, message.Id);
            return new DeliveryResult.Unavailable(Describe(outage));
        }
    }

    /// <summary>
    /// 429 waits; every 403 the Bot API gives (blocked, deactivated, never started, kicked) means the
    /// bot may not write to the chat; a 5xx left after the retries is an outage, tried again later;
    /// other refusals are a bad request that retrying will not fix.
    /// </summary>
    internal static DeliveryResult Interpret(ApiRequestException refused) => refused.ErrorCode switch
    {
        (int)HttpStatusCode.TooManyRequests => new DeliveryResult.RateLimited(
            TimeSpan.FromSeconds(refused.Parameters?.RetryAfter is > 0 and var seconds ? seconds : 1)),
        (int)HttpStatusCode.Forbidden => new DeliveryResult.Unreachable(refused.Message),
        >= 500 => new DeliveryResult.Unavailable($"Telegram answered {refused.ErrorCode}: {refused.Message}"),
        _ => new DeliveryResult.Failed($"Telegram answered {refused.ErrorCode}: {refused.Message}"),
    };

    private static async Task<Message> SendPartAsync(
        ITelegramBotClient client, long chatId, TelegramPart part, CancellationToken cancellationToken)
    {
        switch (part)
        {
            case TelegramPart.Text text:
                return await client.SendMessage(chatId, text.Content, replyMarkup: text.Markup, cancellationToken: cancellationToken);
            case TelegramPart.Photo photo:
                return await client.SendPhoto(
                    chatId, InputFile.FromString(photo.Source), photo.Caption, replyMarkup: photo.Markup, cancellationToken: cancellationToken);
            case TelegramPart.Document document:
                await using (var content = new MemoryStream(document.File.Content, writable: false))
                {
                    return await client.SendDocument(
                        chatId, InputFile.FromStream(content, document.File.FileName), document.Caption,
                        replyMarkup: document.Markup, cancellationToken: cancellationToken);
                }

            default:
                throw new InvalidOperationException($"No way to send {part.GetType().Name}.");
        }
    }

    private static bool IsOutage(Exception exception) =>
        exception is RequestException or HttpRequestException or TimeoutRejectedException or BrokenCircuitException;

    private static string Describe(Exception outage) => outage switch
    {
        RequestException { HttpStatusCode: { } status } => $"Telegram did not answer properly (HTTP {(int)status}): {outage.Message}",
        RequestException { InnerException: { } inner } => $"Telegram could not be reached: {inner.Message}",
        _ => $"Telegram could not be reached: {outage.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram refused outbox message {OutboxId} with {ErrorCode}: {Outcome}")]
    private partial void LogRefused(long outboxId, int errorCode, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram could not take outbox message {OutboxId} after retries")]
    private partial void LogOutage(Exception exception, long outboxId);
}
