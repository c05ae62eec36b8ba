using Hromada.Core.Admin;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Hosting;

public static class AdminConfiguration
{
    /// <summary>Binds and validates the "Admin" section; Core takes the plain options object.</summary>
    public static IServiceCollection AddAdminOptions(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>()
            .BindConfiguration(AdminOptions.Section)
            .Validate(
                options => options.SuperAdmins.All(entry => AdminOptions.Parse(entry) is not null),
                "Admin:SuperAdmins entries must look like telegram:123456789, viber:<id> or dev:<userId>.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AdminOptions>>().Value);
        return services;
    }
}
