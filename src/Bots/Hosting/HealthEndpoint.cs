namespace Hromada.Bots.Hosting;

public static class HealthEndpoint
{
    /// <summary>GET /health: 200 {"status":"ok"} while the host runs.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => Results.Ok(new { Status = "ok" })).ExcludeFromDescription();
        return endpoints;
    }
}
