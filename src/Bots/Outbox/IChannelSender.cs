using Hromada.Core.Conversations;

namespace Hromada.Bots.Outbox;

/// <summary>Delivers outbox messages on one channel; the dispatcher picks the sender by channel.</summary>
public interface IChannelSender
{
    ChannelKind Channel { get; }

    /// <summary>Delivers the message or throws; the dispatcher records the outcome.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
