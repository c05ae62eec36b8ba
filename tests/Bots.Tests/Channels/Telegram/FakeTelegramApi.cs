using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>How the fake refuses a call, as the real Bot API does.</summary>
internal enum FakeFailure
{
    /// <summary>429 with parameters.retry_after.</summary>
    TooManyRequests,

    /// <summary>403 "Forbidden: bot was blocked by the user".</summary>
    Blocked,

    /// <summary>500 with a Bot API error body.</summary>
    ServerError,

    /// <summary>400 "Bad Request: chat not found".</summary>
    BadRequest,

    /// <summary>401, for a wrong token.</summary>
    Unauthorized,

    /// <summary>No answer at all: the connection is dropped, as a timeout or a network fault leaves the caller.</summary>
    Dropped,
}

/// <summary>One request the host made, with its parameters as JSON whether it came as JSON or multipart form.</summary>
internal sealed record TelegramCall(string Method, JsonObject Parameters, IReadOnlyDictionary<string, byte[]> Files)
{
    /// <summary>The HTTP status the fake answered with.</summary>
    public int Status { get; init; } = 200;

    /// <summary>A message the bot sent (and the fake accepted) to a chat.</summary>
    public bool IsSentTo(long chatId) => Status == 200 && Method.StartsWith("send", StringComparison.Ordinal) && ChatId == chatId;

    public string? this[string name] => Parameters[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var node => node.ToJsonString(),
    };

    public long? ChatId => this["chat_id"] is { } id ? long.Parse(id, CultureInfo.InvariantCulture) : null;

    public string? Text => this["text"] ?? this["caption"];

    /// <summary>callback_data of every inline button, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> InlineData =>
        Parameters["reply_markup"]?["inline_keyboard"]?.AsArray()
            .Select(row => (IReadOnlyList<string>)[.. row!.AsArray().Select(button => (string)button!["callback_data"]!)])
            .ToList() ?? [];

    public IEnumerable<string> AllInlineData => InlineData.SelectMany(row => row);

    public IEnumerable<string> InlineLabels =>
        Parameters["reply_markup"]?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray().Select(button => (string)button!["text"]!)) ?? [];

    /// <summary>The reply keyboard, if any: each button's text and whether it requests the contact.</summary>
    public IReadOnlyList<IReadOnlyList<(string Text, bool RequestsContact)>> ReplyKeyboard =>
        Parameters["reply_markup"]?["keyboard"]?.AsArray()
            .Select(row => (IReadOnlyList<(string, bool)>)[.. row!.AsArray().Select(button =>
                ((string)button!["text"]!, button["request_contact"]?.GetValue<bool>() == true))])
            .ToList() ?? [];
}

/// <summary>
/// A Bot API server on a loopback port: answers /bot{token}/{method} with real Bot API JSON, records
/// every call, serves queued updates to getUpdates (long-polling), and refuses calls when told to.
/// </summary>
internal sealed class FakeTelegramApi : IAsyncDisposable
{
    public const string Token = "123456789:AAHfakeTokenForHromadaTests_0123456789";
    public const long BotId = 123456789;
    public const string BotUsername = "HromadaTestBot";

    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<TelegramCall> _calls = [];
    private readonly List<JsonObject> _updates = [];
    private readonly Dictionary<string, Queue<(FakeFailure Failure, int RetryAfter)>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<long> _blockedChats = [];
    private readonly SemaphoreSlim _updatesQueued = new(0);
    private int _nextMessageId = 1000;
    private int _sendsInFlight;

    private FakeTelegramApi(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// How long each accepted send* call is held before its answer, zero by default. The call is
    /// recorded (the message reached the resident) before the wait, so a host that dies meanwhile
    /// never hears that it was sent.
    /// </summary>
    public TimeSpan SendDelay { get; set; }

    /// <summary>Accepted send* calls still waiting out <see cref="SendDelay"/>.</summary>
    public int SendsInFlight => Volatile.Read(ref _sendsInFlight);

    public IReadOnlyList<TelegramCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<FakeTelegramApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new FakeTelegramApi(app);
        app.Map("/bot{token}/{method}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Urls.Single());
        return fake;
    }

    /// <summary>
    /// The host settings that point the Telegram channel at this fake. Retries are quick, and the
    /// one-message-a-second pace per chat is off (the dispatcher's own tests cover it), so a
    /// conversation runs at the speed of the host.
    /// </summary>
    public (string Key, string? Value)[] Settings(params (string Key, string? Value)[] more) =>
    [
        ("Telegram:Token", Token),
        ("Telegram:ApiBaseUrl", BaseAddress.ToString()),
        ("Telegram:RetryDelay", "00:00:00.010"),
        ("Outbox:Telegram:PerChatInterval", "00:00:00"),
        .. more,
    ];

    public IReadOnlyList<TelegramCall> CallsTo(string method) => [.. Calls.Where(call => call.Method == method)];

    /// <summary>Queues an update (raw Bot API JSON) for getUpdates.</summary>
    public void QueueUpdate(string json)
    {
        lock (_gate)
        {
            _updates.Add(JsonNode.Parse(json)!.AsObject());
        }

        _updatesQueued.Release();
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> are refused.</summary>
    public void Fail(string method, FakeFailure failure, int times = 1, int retryAfter = 3)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                _failures[method] = queue = new Queue<(FakeFailure, int)>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((failure, retryAfter));
            }
        }
    }

    /// <summary>From now on every message to the chat is refused with 403, as after the resident blocked the bot.</summary>
    public void BlockChat(long chatId)
    {
        lock (_gate)
        {
            _blockedChats.Add(chatId);
        }
    }

    /// <summary>Waits until the calls matching <paramref name="match"/> number at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<TelegramCall>> WaitForAsync(Func<TelegramCall, bool> match, int count = 1)
    {
        var deadline = DateTimeOffset.UtcNow + WaitTimeout;
        while (true)
        {
            var matching = Calls.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                var seen = string.Join(", ", Calls.Select(call => call.Method + (call.ChatId is { } chat ? $"({chat})" : "")));
                throw new TimeoutException($"Expected {count} matching Bot API calls within {WaitTimeout.TotalSeconds} s; saw: {seen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _updatesQueued.Dispose();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var call = await ReadCallAsync(context.Request, method);
        var failure = token == Token ? TakeFailure(call) : (FakeFailure.Unauthorized, 0);
        lock (_gate)
        {
            _calls.Add(call with { Status = failure is { } refused ? StatusOf(refused.Failure) : 200 });
        }

        if (failure is { Failure: FakeFailure.Dropped })
        {
            context.Abort();
            return;
        }

        if (failure is { } refusal)
        {
            await WriteFailureAsync(context.Response, refusal.Failure, refusal.RetryAfter);
            return;
        }

        if (SendDelay > TimeSpan.Zero && method.StartsWith("send", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _sendsInFlight);
            try
            {
                await Task.Delay(SendDelay);
            }
            finally
            {
                Interlocked.Decrement(ref _sendsInFlight);
            }
        }

        JsonNode? result = method switch
        {
            "getMe" => new JsonObject
            {
                ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Hromada", ["username"] = BotUsername,
                ["can_join_groups"] = false, ["can_read_all_group_messages"] = false, ["supports_inline_queries"] = false,
            },
            "sendMessage" or "sendPhoto" or "sendDocument" => SentMessage(call),
            "getUpdates" => await PendingUpdatesAsync(call, context.RequestAborted),
            "getWebhookInfo" => new JsonObject { ["url"] = "", ["has_custom_certificate"] = false, ["pending_update_count"] = 0 },
            _ => true,
        };
        await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private (FakeFailure Failure, int RetryAfter)? TakeFailure(TelegramCall call)
    {
        lock (_gate)
        {
            if (call.Method.StartsWith("send", StringComparison.Ordinal) && call.ChatId is { } chat && _blockedChats.Contains(chat))
            {
                return (FakeFailure.Blocked, 0);
            }

            return _failures.TryGetValue(call.Method, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
        }
    }

    private JsonObject SentMessage(TelegramCall call)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Hromada", ["username"] = BotUsername },
            ["chat"] = new JsonObject { ["id"] = call.ChatId, ["first_name"] = "Resident", ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        switch (call.Method)
        {
            case "sendMessage":
                message["text"] = call["text"];
                break;
            case "sendPhoto":
                message["photo"] = new JsonArray(new JsonObject
                {
                    ["file_id"] = "AgACAgIAAxkBAAIBfake", ["file_unique_id"] = "AQADfake", ["width"] = 1280, ["height"] = 720,
                });
                message["caption"] = call["caption"];
                break;
            case "sendDocument":
                message["document"] = new JsonObject
                {
                    ["file_id"] = "BQACAgIAAxkBAAIBfake", ["file_unique_id"] = "AgADfake", ["file_name"] = call.Files.Keys.FirstOrDefault(),
                };
                message["caption"] = call["caption"];
                break;
        }

        return message;
    }

    /// <summary>Long polling: answers at once when updates at or after the offset wait, else when one is queued or the timeout passes.</summary>
    private async Task<JsonArray> PendingUpdatesAsync(TelegramCall call, CancellationToken aborted)
    {
        var offset = call["offset"] is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        var timeout = TimeSpan.FromSeconds(call["timeout"] is { } seconds ? int.Parse(seconds, CultureInfo.InvariantCulture) : 0);
        var deadline = DateTimeOffset.UtcNow + timeout;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(aborted, _app.Lifetime.ApplicationStopping);
        while (true)
        {
            lock (_gate)
            {
                // As Telegram does: an offset confirms every update before it.
                _updates.RemoveAll(update => (long)update["update_id"]! < offset);
                if (_updates.Count > 0)
                {
                    return [.. _updates.Select(update => update.DeepClone())];
                }
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return [];
            }

            try
            {
                await _updatesQueued.WaitAsync(left, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    private static async Task<TelegramCall> ReadCallAsync(HttpRequest request, string method)
    {
        var parameters = new JsonObject();
        var files = new Dictionary<string, byte[]>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (name, value) in form)
            {
                var text = value.ToString();
                parameters[name] = text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text) : JsonValue.Create(text);
            }

            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content);
                files[file.FileName] = content.ToArray();
                parameters[file.Name] = "attach://" + file.FileName;
            }
        }
        else if (request.ContentLength is null or > 0)
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            parameters = JsonObject.Create(document.RootElement.Clone()) ?? [];
        }

        // Numbers and strings alike, so tests read every parameter as text.
        foreach (var (name, value) in parameters.ToList())
        {
            if (value is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                parameters[name] = scalar.ToJsonString();
            }
        }

        return new TelegramCall(method, parameters, files);
    }

    private static int StatusOf(FakeFailure failure) => failure switch
    {
        FakeFailure.TooManyRequests => 429,
        FakeFailure.Blocked => 403,
        FakeFailure.ServerError => 500,
        FakeFailure.Unauthorized => 401,
        FakeFailure.Dropped => 0,
        _ => 400,
    };

    private static Task WriteFailureAsync(HttpResponse response, FakeFailure failure, int retryAfter) => failure switch
    {
        FakeFailure.Unauthorized => WriteErrorAsync(response, 401, "Unauthorized"),
        FakeFailure.TooManyRequests => WriteErrorAsync(
            response, 429, $"Too Many Requests: retry after {retryAfter}", new JsonObject { ["retry_after"] = retryAfter }),
        FakeFailure.Blocked => WriteErrorAsync(response, 403, "Forbidden: bot was blocked by the user"),
        FakeFailure.ServerError => WriteErrorAsync(response, 500, "Internal Server Error"),
        _ => WriteErrorAsync(response, 400, "Bad Request: chat not found"),
    };

    private static async Task WriteErrorAsync(HttpResponse response, int code, string description, JsonObject? parameters = null)
    {
        response.StatusCode = code;
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        await response.WriteAsJsonAsync(body);
    }
}
