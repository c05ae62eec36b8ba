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
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    internal const int BatchSize = 100;
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

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
                batch = await outbox.GetPendingAsync(BatchSize, cancellationToken);
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
            await outbox.MarkAsync(message.Id, OutboxStatus.Failed, cancellationToken);
            return;
        }

        OutboxStatus outcome;
        try
        {
            await sender.SendAsync(message, cancellationToken);
            outcome = OutboxStatus.Sent;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendFailed(exception, message.Id, message.Channel);
            outcome = OutboxStatus.Failed;
        }

        await outbox.MarkAsync(message.Id, outcome, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {OutboxId} has no sender for channel {Channel}")]
    private partial void LogNoSender(long outboxId, ChannelKind channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending outbox message {OutboxId} on {Channel} failed")]
    private partial void LogSendFailed(Exception exception, long outboxId, ChannelKind channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the outbox failed; retrying on the next wake-up")]
    private partial void LogStoreFailed(Exception exception);
}
