using Hromada.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Channels.Dev;

public static class DevChatChannel
{
    public static IServiceCollection AddDevChatChannel(this IServiceCollection services)
    {
        services.AddOptions<DevChatOptions>()
            .BindConfiguration(DevChatOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) => options.Enabled ??=
                string.IsNullOrWhiteSpace(configuration["Telegram:Token"]) &&
                string.IsNullOrWhiteSpace(configuration["Viber:Token"]));
        services.AddSingleton<IChannelSender, DevChatSender>();
        return services;
    }

    /// <summary>Maps the page at "/" and its JSON API under "/dev/api", or nothing (so 404) when the dev chat is off.</summary>
    public static IEndpointRouteBuilder MapDevChat(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<DevChatOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DevChatChannel));
        if (!options.IsEnabled)
        {
            DevChatLog.Disabled(logger);
            return endpoints;
        }

        DevChatLog.Enabled(logger);
        DevChatPage.Map(endpoints);
        DevChatEndpoints.Map(endpoints);
        return endpoints;
    }
}
