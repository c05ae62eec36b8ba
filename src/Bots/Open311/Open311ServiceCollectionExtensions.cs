using FluentValidation;

namespace Hromada.Bots.Open311;

/// <summary>
/// Open311 GeoReport v2 at /open311/v2, in JSON, for city dispatch services: the report categories as
/// services, the reports as service requests, and filing a report with an API key. Kept apart from
/// /api/v1: its names, dates, errors and key handling are GeoReport's, not Hromada's API conventions.
/// </summary>
public static class Open311ServiceCollectionExtensions
{
    public const string BasePath = "/open311/v2";

    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<JurisdictionQuery>, JurisdictionQueryValidator>();
        services.AddSingleton<IValidator<RequestListQuery>, RequestListQueryValidator>();
        services.AddSingleton<IValidator<CreateRequestForm>, CreateRequestFormValidator>();
        return services;
    }

    /// <summary>The discovery document and the endpoints; under /open311, an answer without a body (an unknown path's 404, a 405) gets the error array too.</summary>
    public static WebApplication MapOpen311(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/open311"),
            open311 => open311.UseStatusCodePages(Open311Errors.WriteStatusAsync));
        app.MapGet("/open311/discovery.json", Open311Discovery.Describe);
        app.MapGroup(BasePath).MapOpen311Endpoints();
        return app;
    }
}
