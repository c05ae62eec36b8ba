using Hromada.Core.Conversations;

namespace Hromada.Bots.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The dispatcher that hands stored replies to the registered <see cref="IChannelSender"/>s.</summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services) =>
        services.AddHostedService<OutboxDispatcher>();
}
