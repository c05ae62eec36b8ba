using System.Globalization;
using System.Text.Json;
using Hromada.Core.Conversations;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Hromada.Bots.Channels.Viber;

/// <summary>
/// Sends outbox messages through send_message and tells the dispatcher how it went. 5xx answers and
/// timeouts were already retried by the HTTP pipeline; Viber's status codes decide the rest.
/// </summary>
/// <remarks>
/// A reply that needs several Viber messages (a long text, a picture and its text) is sent part by
/// part; if a later part is put off, the dispatcher sends the whole reply again, so the earlier
/// parts may arrive twice. That is rare and better than losing the rest.
/// </remarks>
internal sealed partial class ViberSender(
    ViberClient client,
    ViberRenderer renderer,
    IOptions<ViberOptions> options,
    ILogger<ViberSender> logger) : IChannelSender
{
    /// <summary>Viber's tooManyRequests says no more than that; a second is a polite pause.</summary>
    internal static readonly TimeSpan RateLimitPause = TimeSpan.FromSeconds(1);

    public ChannelKind Channel => ChannelKind.Viber;

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            return new DeliveryResult.Failed("The Viber channel is off (Viber:Token is not set).");
        }

        long? lastToken = null;
        foreach (var part in renderer.Render(message))
        {
            ViberResponse response;
            try
            {
                response = await client.SendMessageAsync(part with { Receiver = message.ChatId }, cancellationToken);
            }
            catch (Exception exception) when (IsOutage(exception, cancellationToken))
            {
                LogOutage(exception, message.Id);
                return new DeliveryResult.Unavailable($"Viber could not be reached: {exception.Message}");
            }

            var outcome = Outcome(response);
            if (outcome is not null)
            {
                LogRefused(message.Id, response.Status, response.StatusMessage);
                return outcome;
            }

            lastToken = response.MessageToken;
        }

        return new DeliveryResult.Delivered(lastToken?.ToString(CultureInfo.InvariantCulture));
    }

    /// <returns>Null when the message was sent.</returns>
    private static DeliveryResult? Outcome(ViberResponse response) => response.Status switch
    {
        ViberStatus.Ok => null,
        ViberStatus.ReceiverNotSubscribed or ViberStatus.ReceiverNotRegistered or ViberStatus.ReceiverNoSuitableDevice =>
            new DeliveryResult.Unreachable($"Viber status {response.Status}: {response.StatusMessage}"),
        ViberStatus.TooManyRequests => new DeliveryResult.RateLimited(RateLimitPause),
        _ => new DeliveryResult.Failed($"Viber status {response.Status}: {response.StatusMessage}"),
    };

    private static bool IsOutage(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or TimeoutRejectedException or JsonException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Viber refused outbox message {OutboxId}: status {Status} {StatusMessage}")]
    private partial void LogRefused(long outboxId, int status, string? statusMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending outbox message {OutboxId} to Viber failed after retries")]
    private partial void LogOutage(Exception exception, long outboxId);
}
