using Hromada.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The dispatcher that hands stored replies to the registered <see cref="IChannelSender"/>s (the
    /// last one registered for a channel wins), with its "Outbox" options validated on start.
    /// </summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
