using Hromada.Core.Conversations;

namespace Hromada.Bots.Outbox;

/// <summary>
/// Delivers pending outbox messages oldest first, each through its channel's sender, and records
/// the outcome. Woken by <see cref="OutboxSignal"/> when replies are stored, and once a second anyway.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IOutboxStore outbox,
    OutboxSignal signal,
    IEnumerable<IChannelSender> senders,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    internal const int BatchSize = 100;
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private readonly Dictionary<ChannelKind, IChannelSender> _senders = senders.ToDictionary(sender => sender.Channel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await DispatchPendingAsync(stoppingToken);
                await signal.WaitAsync(IdleWait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: undelivered messages stay pending for the next start.
        }
    }

    /// <summary>Delivers until nothing is pending; a store outage is logged and retried on the next wake-up.</summary>
    internal async Task DispatchPendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<OutboxMessage> batch;
            do
            {
                batch = await outbox.ClaimDueAsync(time.GetUtcNow(), Lease, BatchSize, cancellationToken);
                foreach (var message in batch)
                {
                    await DeliverAsync(message, cancellationToken);
                }
            }
            while (batch.Count == BatchSize);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception);
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(message.Channel, out var sender))
        {
            LogNoSender(message.Id, message.Channel);
            await outbox.MarkFailedAsync(message.Id, $"No sender for {message.Channel}.", cancellationToken);
            return;
        }

        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendFailed(exception, message.Id, message.Channel);
            result = new DeliveryResult.Failed(exception.GetType().Name);
        }

        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                await outbox.MarkSentAsync(message.Id, delivered.PlatformMessageId, time.GetUtcNow(), cancellationToken);
                break;
            case DeliveryResult.RateLimited limited:
                await outbox.RetryLaterAsync(message.Id, time.GetUtcNow() + limited.RetryAfter, "Rate limited.", cancellationToken);
                break;
            case DeliveryResult.Unreachable unreachable:
                await outbox.DropPendingAsync(message.Channel, message.ChatId, unreachable.Reason, cancellationToken);
                break;
            case DeliveryResult.Failed failed:
                await outbox.MarkFailedAsync(message.Id, failed.Reason, cancellationToken);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {OutboxId} has no sender for channel {Channel}")]
    private partial void LogNoSender(long outboxId, ChannelKind channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending outbox message {OutboxId} on {Channel} failed")]
    private partial void LogSendFailed(Exception exception, long outboxId, ChannelKind channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the outbox failed; retrying on the next wake-up")]
    private partial void LogStoreFailed(Exception exception);
}
