using System.Globalization;
using System.Text.Json;
using Hromada.Bots.Hosting;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Channels.Viber;

/// <summary>
/// POST /webhooks/viber. The raw body is read (at most 1 MiB), its signature checked, and only then
/// parsed; each event is answered at once. Messages go to the inbox (a retried message token is
/// accepted once); conversation_started is answered in the response body, the only way Viber lets
/// a bot greet someone who has not subscribed yet. Any query string (Viber may add "?sig=") is ignored.
/// </summary>
internal sealed partial class ViberWebhook(
    IOptions<ViberOptions> options,
    ConversationWorker worker,
    IResidentStore residents,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    ViberRenderer renderer,
    TimeProvider time,
    ILogger<ViberWebhook> logger)
{
    public const string Route = "/webhooks/viber";
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The greeting before /start, with a Start button.</summary>
    internal const string WelcomeTextKey = "Channel_Welcome";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, (HttpRequest request, ViberWebhook webhook, CancellationToken cancellationToken) =>
            webhook.HandleAsync(request, cancellationToken)).ExcludeFromDescription();

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            return Results.NotFound();
        }

        var body = await request.ReadLimitedAsync(MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            LogTooLarge();
            return Results.Problem($"The body must be at most {MaxBodyBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!ViberSignature.IsValid(body, request.Headers[ViberSignature.Header].ToString(), options.Value.Token!))
        {
            LogBadSignature();
            return Results.Problem($"Missing or wrong {ViberSignature.Header}.", statusCode: StatusCodes.Status401Unauthorized);
        }

        ViberCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize<ViberCallback>(body, ViberJson.Options);
        }
        catch (JsonException exception)
        {
            return BadRequest($"The body is not a Viber callback: {exception.Message}");
        }

        if (callback?.Event is not { } name)
        {
            return BadRequest("The body has no \"event\".");
        }

        return name switch
        {
            "webhook" => Results.Ok(),
            "conversation_started" => await WelcomeAsync(callback, cancellationToken),
            "subscribed" => await SubscribedAsync(callback, cancellationToken),
            "unsubscribed" => await UnsubscribedAsync(callback, cancellationToken),
            "message" => await AcceptAsync(callback, cancellationToken),
            "delivered" => await RecordAsync(callback, DeliveryReceipt.Delivered, cancellationToken),
            "seen" => await RecordAsync(callback, DeliveryReceipt.Seen, cancellationToken),
            "failed" => await RecordAsync(callback, DeliveryReceipt.Failed, cancellationToken),
            _ => Ignored(name),
        };
    }

    private async Task<IResult> WelcomeAsync(ViberCallback callback, CancellationToken cancellationToken)
    {
        if (callback.User?.Id is not { } userId)
        {
            return BadRequest("conversation_started without user.id.");
        }

        var resident = await residents.FindByIdentityAsync(Identity(userId), cancellationToken);
        var language = resident?.Language ?? Languages.FromPlatformCode(callback.User.Language);
        var reply = resident is { IsRegistered: true }
            ? new OutboundReply(Texts.Get(language, "Onboarding_WelcomeBack", resident.Name))
            {
                Buttons = [[new ReplyButton(Texts.Get(language, "Menu_Button"), "/menu")]],
            }
            : new OutboundReply(Texts.Get(language, WelcomeTextKey))
            {
                Buttons = [[new ReplyButton(Texts.Get(language, "Help_Start"), "/start")]],
            };
        LogWelcomed(userId);
        return Results.Json(renderer.Welcome(reply), ViberJson.Options);
    }

    private async Task<IResult> SubscribedAsync(ViberCallback callback, CancellationToken cancellationToken)
    {
        if (callback.User?.Id is not { } userId)
        {
            return BadRequest("subscribed without user.id.");
        }

        var known = await residents.SetReachableAsync(Identity(userId), reachable: true, cancellationToken);
        LogSubscribed(userId, known);
        return Results.Ok();
    }

    private async Task<IResult> UnsubscribedAsync(ViberCallback callback, CancellationToken cancellationToken)
    {
        if (callback.UserId is not { } userId)
        {
            return BadRequest("unsubscribed without user_id.");
        }

        var known = await residents.SetReachableAsync(Identity(userId), reachable: false, cancellationToken);
        var dropped = await outbox.DropPendingAsync(ChannelKind.Viber, userId, "The resident unsubscribed on Viber.", cancellationToken);
        LogUnsubscribed(userId, known, dropped);
        return Results.Ok();
    }

    private async Task<IResult> AcceptAsync(ViberCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Sender?.Id is not { } senderId || callback.MessageToken is not { } token || callback.Message?.Type is null)
        {
            return BadRequest("message without sender.id, message_token or message.type.");
        }

        if (callback.Message is { Type: "text", Text: { } text } && text.StartsWith(ViberRenderer.PagePrefix, StringComparison.Ordinal))
        {
            return await NextPageAsync(senderId, token, text[ViberRenderer.PagePrefix.Length..], cancellationToken);
        }

        var inbound = ViberInbound.From(callback, senderId, time.GetUtcNow());
        if (inbound is null)
        {
            LogMessageIgnored(token, callback.Message.Type);
            return Results.Ok();
        }

        if (await worker.AcceptAsync(inbound, cancellationToken))
        {
            LogAccepted(token, senderId);
            await MarkReachableAsync(inbound.Sender, cancellationToken);
        }
        else
        {
            LogRepeated(token, senderId);
        }

        return Results.Ok();
    }

    /// <summary>Writing to the bot subscribes a resident again, and Viber sends no "subscribed" for that.</summary>
    private async Task MarkReachableAsync(IdentityKey identity, CancellationToken cancellationToken)
    {
        var resident = await residents.FindByIdentityAsync(identity, cancellationToken);
        if (resident?.Identities.Any(known => known.Key == identity && !known.Reachable) == true)
        {
            await residents.SetReachableAsync(identity, reachable: true, cancellationToken);
        }
    }

    /// <summary>The "more" button: stores the next page of buttons as a reply to the same chat.</summary>
    private async Task<IResult> NextPageAsync(string senderId, long token, string outboxId, CancellationToken cancellationToken)
    {
        var original = long.TryParse(outboxId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await outbox.GetAsync(id, cancellationToken)
            : null;

        // Only the chat a message went to may page through its buttons.
        if (original is null || original.Channel != ChannelKind.Viber || original.ChatId != senderId ||
            ViberRenderer.NextPage(original.Reply) is not { } page)
        {
            LogPageIgnored(token);
            return Results.Ok();
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"viber:page:{token}");
        await outbox.AddAsync([new OutboxMessage(0, key, ChannelKind.Viber, senderId, page, OutboxStatus.Pending, time.GetUtcNow())], cancellationToken);
        outboxSignal.Notify();
        return Results.Ok();
    }

    private async Task<IResult> RecordAsync(ViberCallback callback, DeliveryReceipt receipt, CancellationToken cancellationToken)
    {
        if (callback.MessageToken is not { } token)
        {
            return BadRequest($"{callback.Event} without message_token.");
        }

        var at = ViberTime.Of(callback.Timestamp) ?? time.GetUtcNow();
        await outbox.RecordReceiptAsync(ChannelKind.Viber, token.ToString(CultureInfo.InvariantCulture), receipt, at, cancellationToken);
        if (receipt == DeliveryReceipt.Failed)
        {
            LogFailedReport(token, callback.Description);
        }

        return Results.Ok();
    }

    private IResult Ignored(string name)
    {
        LogEventIgnored(name);
        return Results.Ok();
    }

    private static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static IdentityKey Identity(string userId) => new(ChannelKind.Viber, userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Viber webhook refused a body over the size limit")]
    private partial void LogTooLarge();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Viber webhook refused a request with a missing or wrong signature")]
    private partial void LogBadSignature();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Viber conversation started by {UserId}; welcomed")]
    private partial void LogWelcomed(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Viber user {UserId} subscribed (known resident: {Known})")]
    private partial void LogSubscribed(string userId, bool known);

    [LoggerMessage(Level = LogLevel.Information, Message = "Viber user {UserId} unsubscribed (known resident: {Known}); {Dropped} queued messages dropped")]
    private partial void LogUnsubscribed(string userId, bool known, int dropped);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Viber message {MessageToken} from {UserId} accepted")]
    private partial void LogAccepted(long messageToken, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Viber message {MessageToken} from {UserId} was a repeat; ignored")]
    private partial void LogRepeated(long messageToken, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Viber message {MessageToken} of type {Type} is not used by the bot; ignored")]
    private partial void LogMessageIgnored(long messageToken, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Viber \"more\" press {MessageToken} matched no pageable message of that chat; ignored")]
    private partial void LogPageIgnored(long messageToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Viber reported message {MessageToken} as failed: {Description}")]
    private partial void LogFailedReport(long messageToken, string? description);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Viber event {Event} is not used by the bot; ignored")]
    private partial void LogEventIgnored(string @event);
}
