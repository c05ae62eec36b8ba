using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hromada.Bots.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// POST /webhooks/telegram. The secret is checked before the body is read; the update is stored in
/// the inbox and acknowledged at once. Anything Telegram should not retry gets 200, 400, 401 or 413;
/// only a store outage answers 503, so Telegram delivers the update again later.
/// </summary>
internal static class TelegramWebhook
{
    public const string Route = "/webhooks/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    public const int MaxBodyBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync).ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IOptions<TelegramOptions> options,
        TelegramUpdateHandler handler,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TelegramWebhook));
        if (!SecretMatches(request, options.Value.WebhookSecret))
        {
            TelegramLog.WebhookSecretRejected(logger);
            return Results.Problem("Missing or wrong X-Telegram-Bot-Api-Secret-Token.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await request.ReadLimitedAsync(MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem("The update must be at most 1 MiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
        }
        catch (Exception exception)
        {
            // Telegram.Bot's converters refuse foreign input with many kinds of exception (JsonException,
            // NotSupportedException, KeyNotFoundException for a ChatMember without a status…): whatever
            // they throw, the body is not an update we can read.
            TelegramLog.WebhookMalformed(logger, exception.Message);
            return Results.Problem("The body is not a Telegram update.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (update is not { Id: > 0 })
        {
            return Results.Problem("The body is not a Telegram update: update_id is missing.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            // Not the request's token: once reading is done, a dropped connection must not leave half a store.
            await handler.HandleAsync(update, CancellationToken.None);
        }
        catch (Exception exception)
        {
            TelegramLog.WebhookStoreFailed(logger, exception, update.Id);
            return Results.Problem("The update could not be stored; Telegram will deliver it again.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    private static bool SecretMatches(HttpRequest request, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return true;
        }

        var sent = request.Headers[SecretHeader];
        return sent.Count == 1 &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent[0] ?? ""), Encoding.UTF8.GetBytes(secret));
    }
}
