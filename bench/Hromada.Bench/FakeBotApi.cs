using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hromada.Bench;

/// <summary>
/// Telegram's limits as the fake enforces them: a bot-wide rate (a token bucket holding at most
/// <see cref="Burst"/> sends) and a least interval between two messages to one chat. Zero turns a limit off.
/// </summary>
internal sealed record TelegramLimits(int PerSecond, TimeSpan PerChatInterval, int Burst)
{
    public static readonly TelegramLimits None = new(0, TimeSpan.Zero, 0);

    /// <summary>How much earlier than the interval a chat's next message may arrive: the network's jitter, not a licence to speed.</summary>
    public static readonly TimeSpan ChatTolerance = TimeSpan.FromMilliseconds(50);
}

/// <summary>
/// A Bot API server on a loopback port that answers like Telegram (real JSON for getMe, setWebhook,
/// sendMessage, answerCallbackQuery…), refuses sends over <see cref="TelegramLimits"/> with 429 and
/// retry_after, and reports every accepted send to <see cref="Sent"/>. Lean on purpose: it shares the
/// machine with the host it measures.
/// </summary>
internal sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456789:AAHbenchTokenForHromada_0123456789abc";
    private const long BotId = 123456789;

    private readonly WebApplication _app;
    private readonly TelegramLimits _limits;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _lastSendToChat = [];
    private double _tokens;
    private long _refilledAt = Stopwatch.GetTimestamp();
    private long _nextMessageId = 1000;
    private long _sends;
    private long _refusedForChat;
    private long _refusedForBot;

    private FakeBotApi(WebApplication app, TelegramLimits limits)
    {
        _app = app;
        _limits = limits;
        _tokens = limits.Burst;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An accepted send: chat id, text, and the Stopwatch timestamp of its arrival.</summary>
    public event Action<long, string, long>? Sent;

    /// <summary>Sends accepted.</summary>
    public long Sends => Interlocked.Read(ref _sends);

    /// <summary>Sends refused with 429.</summary>
    public long Refused => RefusedForChat + RefusedForBot;

    /// <summary>Sends refused with 429 because the chat's last message was too recent.</summary>
    public long RefusedForChat => Interlocked.Read(ref _refusedForChat);

    /// <summary>Sends refused with 429 because the bot-wide rate was spent.</summary>
    public long RefusedForBot => Interlocked.Read(ref _refusedForBot);

    public static async Task<FakeBotApi> StartAsync(TelegramLimits limits)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app, limits);
        app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        app.MapGet("/bot{token}/{method}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Urls.Single());
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var response = context.Response;
        if (token != Token)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            await response.WriteAsync("""{"ok":false,"error_code":401,"description":"Unauthorized"}""");
            return;
        }

        if (!method.StartsWith("send", StringComparison.Ordinal))
        {
            response.ContentType = "application/json";
            await response.WriteAsync(method == "getMe"
                ? $$$"""{"ok":true,"result":{"id":{{{BotId}}},"is_bot":true,"first_name":"Hromada","username":"HromadaBenchBot"}}"""
                : """{"ok":true,"result":true}""");
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var chatId = ChatIdOf(body.RootElement);
        var text = body.RootElement.TryGetProperty("text", out var value) ? value.GetString() ?? "" : "";
        var arrived = Stopwatch.GetTimestamp();
        if (TryAccept(chatId, arrived) is { } refusal)
        {
            Interlocked.Increment(ref refusal == Refusal.Chat ? ref _refusedForChat : ref _refusedForBot);
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.ContentType = "application/json";
            await response.WriteAsync("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
            return;
        }

        Interlocked.Increment(ref _sends);
        Sent?.Invoke(chatId, text, arrived);
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteBoolean("ok", true);
        writer.WriteStartObject("result");
        writer.WriteNumber("message_id", Interlocked.Increment(ref _nextMessageId));
        writer.WriteStartObject("from");
        writer.WriteNumber("id", BotId);
        writer.WriteBoolean("is_bot", true);
        writer.WriteString("first_name", "Hromada");
        writer.WriteEndObject();
        writer.WriteStartObject("chat");
        writer.WriteNumber("id", chatId);
        writer.WriteString("type", "private");
        writer.WriteEndObject();
        writer.WriteNumber("date", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        writer.WriteString("text", text);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    /// <summary>The chat's interval first (a refused send spends no bot-wide token), then the bot-wide bucket.</summary>
    /// <returns>Null when the send is accepted, else which limit refused it.</returns>
    private Refusal? TryAccept(long chatId, long now)
    {
        lock (_gate)
        {
            if (_limits.PerChatInterval > TimeSpan.Zero
                && _lastSendToChat.TryGetValue(chatId, out var last)
                && Stopwatch.GetElapsedTime(last, now) < _limits.PerChatInterval - TelegramLimits.ChatTolerance)
            {
                return Refusal.Chat;
            }

            if (_limits.PerSecond > 0)
            {
                _tokens = Math.Min(_limits.Burst, _tokens + (Stopwatch.GetElapsedTime(_refilledAt, now).TotalSeconds * _limits.PerSecond));
                _refilledAt = now;
                if (_tokens < 1)
                {
                    return Refusal.Bot;
                }

                _tokens--;
            }

            if (_limits.PerChatInterval > TimeSpan.Zero)
            {
                _lastSendToChat[chatId] = now;
            }

            return null;
        }
    }

    private enum Refusal
    {
        Chat,
        Bot,
    }

    private static long ChatIdOf(JsonElement request) =>
        request.TryGetProperty("chat_id", out var chat)
            ? chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : long.Parse(chat.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
}
