using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Hromada.Bench;

/// <summary>
/// The yardstick for the webhook: a Kestrel process that reads the body, parses it into a Telegram
/// Update with the same serializer settings as the host, and answers 200. Nothing is stored or handled,
/// so the host's share of it is what storing and handling cost.
/// </summary>
internal static class BareEndpoint
{
    public const string Command = "bare-endpoint";

    public static async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok());
        app.MapPost("/webhooks/telegram", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken);
            var update = JsonSerializer.Deserialize<Update>(body.GetBuffer().AsSpan(0, (int)body.Length), JsonBotAPI.Options);
            return update is { Id: > 0 } ? Results.Ok() : Results.BadRequest();
        });
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
