using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>
/// The Viber REST bot API as a real HTTP server on a loopback port: answers set_webhook,
/// send_message and get_account_info with Viber's JSON, records every call, and can be told to
/// answer the next send_message with a status code or an HTTP error.
/// </summary>
internal sealed class FakeViberApi : IAsyncDisposable
{
    public const string Token = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";

    /// <summary>2^53 + 1: the first message token, which a double cannot hold.</summary>
    public const long FirstMessageToken = 9_007_199_254_740_993;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ViberApiCall> _calls = new();
    private readonly ConcurrentQueue<FakeAnswer> _sendAnswers = new();
    private long _nextToken = FirstMessageToken - 2;

    private FakeViberApi(WebApplication app) => _app = app;

    /// <summary>Where the host finds the API, as Viber:ApiBaseUrl.</summary>
    public string BaseUrl => _app.Urls.Single() + "/pa";

    public IReadOnlyList<ViberApiCall> Calls => [.. _calls];

    public static async Task<FakeViberApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeViberApi(app);
        app.MapPost("/pa/{method}", fake.AnswerAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return fake;
    }

    /// <summary>The host settings that turn the Viber channel on against this fake, with quick retries.</summary>
    public (string Key, string? Value)[] Settings(params (string Key, string? Value)[] more) =>
    [
        ("Viber:Token", Token),
        ("Viber:ApiBaseUrl", BaseUrl),
        ("Viber:RetryCount", "2"),
        ("Viber:RetryDelay", "00:00:00.010"),
        .. more,
    ];

    /// <summary>The answers the next send_message calls get, in order; then "ok" again.</summary>
    public void AnswerSends(params FakeAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _sendAnswers.Enqueue(answer);
        }
    }

    /// <summary>The send_message bodies addressed to <paramref name="receiver"/>, oldest first.</summary>
    public IReadOnlyList<JsonElement> SentTo(string receiver) =>
        [.. Calls.Where(call => call.Method == "send_message" && call.Body.GetProperty("receiver").GetString() == receiver)
            .Select(call => call.Body)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> AnswerAsync(string method, HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var call = new ViberApiCall(method, request.Headers["X-Viber-Auth-Token"].ToString(), body.RootElement.Clone());
        _calls.Enqueue(call);
        if (call.AuthToken != Token)
        {
            return Json("""{"status":2,"status_message":"invalidAuthToken"}""");
        }

        return method switch
        {
            "set_webhook" => Json("""{"status":0,"status_message":"ok","event_types":["delivered","seen","failed","subscribed","unsubscribed","conversation_started"]}"""),
            "get_account_info" => Json("""{"status":0,"status_message":"ok","id":"pa:75346594275468546724","name":"Hromada","uri":"hromada","icon":"https://example.com/avatar.jpg","background":"https://example.com/background.jpg","category":"Civic","subcategory":"Community","location":{"lon":34.6,"lat":48.5},"country":"UA","webhook":"https://hromada.example.org/webhooks/viber","event_types":["delivered","seen"],"subscribers_count":35,"members":[]}"""),
            "send_message" => AnswerSend(),
            _ => Json("""{"status":3,"status_message":"badData"}"""),
        };
    }

    private IResult AnswerSend() => (_sendAnswers.TryDequeue(out var answer) ? answer : null) switch
    {
        FakeAnswer.HttpError error => Results.StatusCode(error.StatusCode),
        FakeAnswer.Status status => Json($$"""{"status":{{status.Code}},"status_message":"{{status.Message}}","chat_hostname":"SN-CHAT-05_"}"""),
        _ => Json($$"""{"status":0,"status_message":"ok","message_token":{{Interlocked.Add(ref _nextToken, 2)}},"chat_hostname":"SN-CHAT-05_","billing_status":1}"""),
    };

    private static IResult Json(string json) => Results.Content(json, "application/json");
}

internal sealed record ViberApiCall(string Method, string AuthToken, JsonElement Body);

internal abstract record FakeAnswer
{
    private FakeAnswer()
    {
    }

    /// <summary>HTTP 200 with a Viber status code, such as 6 receiverNotSubscribed or 12 tooManyRequests.</summary>
    public sealed record Status(int Code, string Message) : FakeAnswer;

    public sealed record HttpError(int StatusCode) : FakeAnswer;
}
