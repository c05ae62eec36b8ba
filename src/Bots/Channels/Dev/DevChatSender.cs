using Hromada.Core.Conversations;

namespace Hromada.Bots.Channels.Dev;

/// <summary>The page reads replies straight from the outbox, so delivering is only recording it.</summary>
internal sealed class DevChatSender : IChannelSender
{
    public ChannelKind Channel => ChannelKind.Dev;

    public Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(PlatformMessageId: null));
}
