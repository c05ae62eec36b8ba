using Hromada.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Hosting;

public static class ConversationsConfiguration
{
    /// <summary>Binds and validates the "Conversations" section; Core takes the plain options object.</summary>
    public static IServiceCollection AddConversationOptions(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>()
            .BindConfiguration(ConversationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConversationOptions>>().Value);
        return services;
    }
}
