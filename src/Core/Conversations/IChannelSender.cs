namespace Hromada.Core.Conversations;

/// <summary>Delivers outbox messages on one channel; the outbox dispatcher picks the sender by channel.</summary>
public interface IChannelSender
{
    ChannelKind Channel { get; }

    /// <summary>
    /// Renders and sends the message. Transient faults are retried inside (HTTP resilience); what is
    /// left is told as a result, and only bugs throw.
    /// </summary>
    Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>How a delivery attempt ended.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    /// <param name="PlatformMessageId">The platform's id of the (last) sent message, if it gives one.</param>
    public sealed record Delivered(string? PlatformMessageId) : DeliveryResult;

    /// <summary>The platform said to wait (Telegram 429 with retry_after).</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : DeliveryResult;

    /// <summary>The resident blocked the bot or unsubscribed; nothing more is to be sent to them.</summary>
    public sealed record Unreachable(string Reason) : DeliveryResult;

    /// <summary>
    /// The platform could not be reached or failed (5xx, timeouts) through the sender's own retries:
    /// an outage, so the message waits and is tried again later, however long it lasts.
    /// </summary>
    public sealed record Unavailable(string Reason) : DeliveryResult;

    /// <summary>Refused for good (a bad request); trying again would not help.</summary>
    public sealed record Failed(string Reason) : DeliveryResult;
}
