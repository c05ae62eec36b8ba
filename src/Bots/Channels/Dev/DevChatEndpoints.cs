using System.Text.Json;
using Hromada.Bots.Hosting;
using Hromada.Core.Conversations;

namespace Hromada.Bots.Channels.Dev;

/// <summary>The dev chat's JSON API: post a resident's message, read the bot's replies to that chat.</summary>
internal static class DevChatEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/dev/api").ExcludeFromDescription();
        api.MapPost("/messages", PostMessageAsync);
        api.MapGet("/messages", ListRepliesAsync);
    }

    private static async Task<IResult> PostMessageAsync(
        HttpRequest request,
        ConversationWorker worker,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Results.Problem("Send the message as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await request.ReadLimitedAsync(MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem($"The body must be at most {MaxBodyBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        DevMessageRequest? message;
        try
        {
            message = JsonSerializer.Deserialize<DevMessageRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return Results.Problem($"The body is not a valid message: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (message is null)
        {
            return Results.Problem("The body must be a JSON object.", statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = message.Validate();
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var inbound = message.ToInbound(time.GetUtcNow());
        var accepted = await worker.AcceptAsync(inbound, cancellationToken);
        var logger = loggers.CreateLogger(typeof(DevChatEndpoints));
        if (accepted)
        {
            DevChatLog.Accepted(logger, inbound.UpdateId, inbound.PlatformUserId);
        }
        else
        {
            DevChatLog.Repeated(logger, inbound.UpdateId, inbound.PlatformUserId);
        }

        return Results.Json(new { Accepted = accepted }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ListRepliesAsync(
        string? userId,
        long? after,
        IOutboxStore outbox,
        CancellationToken cancellationToken)
    {
        if (DevMessageRequest.ValidateUserId(userId) is { } error)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = [error] });
        }

        if (after < 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["after"] = ["after must not be negative."] });
        }

        var messages = await outbox.ListForChatAsync(ChannelKind.Dev, userId!, after ?? 0, cancellationToken);
        return Results.Ok(messages.Select(DevReply.From));
    }
}
