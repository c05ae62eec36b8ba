using Hromada.Core.Statuses;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Hosting;

public static class StatusesConfiguration
{
    /// <summary>Binds and validates the "Statuses" section (the thresholds); Core takes the plain rules object.</summary>
    public static IServiceCollection AddStatusRules(this IServiceCollection services)
    {
        services.AddOptions<StatusRules>()
            .BindConfiguration(StatusRules.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StatusRules>>().Value);
        return services;
    }
}
