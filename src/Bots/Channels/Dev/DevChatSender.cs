using Hromada.Bots.Outbox;
using Hromada.Core.Conversations;

namespace Hromada.Bots.Channels.Dev;

/// <summary>The page reads replies straight from the outbox, so delivering is only recording it.</summary>
internal sealed class DevChatSender : IChannelSender
{
    public ChannelKind Channel => ChannelKind.Dev;

    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
