using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Hromada.Bots.Channels.Telegram;
using Hromada.Bots.Tests.Channels.Telegram;
using Hromada.Bots.Tests.Channels.Viber;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Localization;

namespace Hromada.Bots.Tests.Reliability;

/// <summary>
/// Thousands of generated and mutated payloads to both webhooks and the dev chat API: none may get a
/// 5xx, /health must stay healthy throughout, and a resident's ordinary message must be answered
/// afterwards. The seed is printed; HROMADA_FUZZ_SEED=n replays a run.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const int PerEndpoint = 1000;
    private const int HealthEvery = 100;

    private FakeTelegramApi _telegram = null!;
    private FakeViberApi _viber = null!;
    private TestHost _host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _telegram = await FakeTelegramApi.StartAsync();
        _viber = await FakeViberApi.StartAsync();
        _host = TestHost.Start([.. TelegramResident.WebhookSettings(_telegram), .. _viber.Settings(("DevChat:Enabled", "true"))]);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _viber.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task Post_ThousandsOfHostilePayloads_NoServerErrorHostHealthyAndResidentsAnsweredAfter()
    {
        var seed = Environment.GetEnvironmentVariable("HROMADA_FUZZ_SEED") is { } given ? int.Parse(given, CultureInfo.InvariantCulture) : Random.Shared.Next();
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed} (HROMADA_FUZZ_SEED={seed} replays this run)");
        var payloads = new HostilePayloads(seed);
        var statuses = new Dictionary<string, int>();
        var serverErrors = new List<string>();

        for (var i = 0; i < PerEndpoint; i++)
        {
            await SendAsync(TelegramRequest(payloads, i), statuses, serverErrors);
            await SendAsync(ViberRequest(payloads, i), statuses, serverErrors);
            await SendAsync(DevChatRequest(payloads), statuses, serverErrors);
            if (i % 3 == 0)
            {
                await SendAsync(DevChatRead(payloads), statuses, serverErrors);
            }

            if (i % HealthEvery == 0)
            {
                await AssertHealthyAsync($"after {i * 3} payloads (seed {seed})");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            "answers: " + string.Join(", ", statuses.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}")));
        Assert.True(serverErrors.Count == 0, $"seed {seed}: {serverErrors.Count} server errors, e.g.\n{string.Join("\n", serverErrors.Where(e => !e.Contains("dev chat read", StringComparison.Ordinal)).Take(30))}");
        await AssertHealthyAsync($"after all payloads (seed {seed})");
        var reply = await new TelegramResident(_host, _telegram, userId: 760_000_001).SayAsync("/start");
        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_Consent"), reply.Text);
    }

    /// <summary>Mostly with the right secret, so the body gets parsed; sometimes none, a wrong one, or two.</summary>
    private static (string What, HttpRequestMessage Request) TelegramRequest(HostilePayloads payloads, int i)
    {
        var user = 761_000_000 + i;
        string[] valid =
        [
            TelegramUpdates.Text(user, "/start"),
            TelegramUpdates.Text(user, "Кам'янське"),
            TelegramUpdates.Callback(user, "consent:yes"),
            TelegramUpdates.Contact(user, "+380501234567", user),
            TelegramUpdates.MyChatMember(user, "member", "kicked"),
        ];
        var (body, contentType, how) = payloads.Mutate(valid[i % valid.Length]);
        var request = Post(TelegramWebhook.Route, body, contentType);
        switch (payloads.Chance(90) ? 0 : i % 3)
        {
            case 0:
                request.Headers.Add(TelegramWebhook.SecretHeader, TelegramResident.Secret);
                break;
            case 1:
                request.Headers.Add(TelegramWebhook.SecretHeader, payloads.Word());
                how += ", a forged secret";
                break;
            default:
                request.Headers.Add(TelegramWebhook.SecretHeader, [TelegramResident.Secret, TelegramResident.Secret]);
                how += ", the secret twice";
                break;
        }

        return ($"telegram: {how}", request);
    }

    /// <summary>Mostly signed over the mutated body, so it gets parsed; sometimes unsigned, forged, or signed for another body.</summary>
    private static (string What, HttpRequestMessage Request) ViberRequest(HostilePayloads payloads, int i)
    {
        var user = $"{i:D8}hostile=";
        string[] valid =
        [
            ViberCallbacks.Message(user, ViberCallbacks.Text("/start")),
            ViberCallbacks.Message(user, ViberCallbacks.Contact("+380501234567")),
            ViberCallbacks.ConversationStarted(user),
            ViberCallbacks.Subscribed(user),
            ViberCallbacks.Unsubscribed(user),
            ViberCallbacks.Webhook(),
        ];
        var (body, contentType, how) = payloads.Mutate(valid[i % valid.Length]);
        var request = Post("/webhooks/viber", body, contentType);
        switch (payloads.Chance(90) ? 0 : i % 3)
        {
            case 0:
                request.Headers.TryAddWithoutValidation("X-Viber-Content-Signature", ViberSigner.Sign(body));
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("X-Viber-Content-Signature", ViberSigner.Sign([.. body, 0x20]));
                how += ", signed for another body";
                break;
            default:
                how += ", unsigned";
                break;
        }

        return ($"viber: {how}", request);
    }

    private static (string What, HttpRequestMessage Request) DevChatRequest(HostilePayloads payloads)
    {
        string[] valid =
        [
            """{"userId":"hostile-1","name":"Аліса","languageCode":"uk","text":"/start"}""",
            """{"userId":"hostile-2","buttonData":"consent:yes","updateId":"u-1"}""",
            """{"userId":"hostile-3","contact":{"phoneNumber":"+380501234567"}}""",
            """{"userId":"hostile-4","location":{"latitude":48.5,"longitude":34.6}}""",
            """{"userId":"hostile-5","photo":"data:image/png;base64,iVBORw0KGgo="}""",
        ];
        var (body, contentType, how) = payloads.Mutate(payloads.Pick(valid));
        return ($"dev chat: {how}", Post("/dev/api/messages", body, contentType));
    }

    private static (string What, HttpRequestMessage Request) DevChatRead(HostilePayloads payloads)
    {
        string[] userIds = ["alice", "", "%00", "a%2F..%2F..", new string('x', 5000), "%F0%9F%99%82", "%FF%FE", "alice&userId=bob"];
        string[] afters = ["0", "-1", "99999999999999999999", "1e3", "abc", "", "%00"];
        var query = $"?userId={payloads.Pick(userIds)}&after={payloads.Pick(afters)}";
        return ($"dev chat read: {query[..Math.Min(query.Length, 80)]}", new HttpRequestMessage(HttpMethod.Get, "/dev/api/messages" + query));
    }

    private static HttpRequestMessage Post(string path, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType.Length > 0)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private async Task SendAsync((string What, HttpRequestMessage Request) call, Dictionary<string, int> statuses, List<string> serverErrors)
    {
        using var request = call.Request;
        using var response = await _host.Client.SendAsync(request, Cancellation);
        var key = $"{request.RequestUri!.OriginalString.Split('?')[0]} {(int)response.StatusCode}";
        statuses[key] = statuses.GetValueOrDefault(key) + 1;
        if ((int)response.StatusCode >= 500)
        {
            serverErrors.Add($"{(int)response.StatusCode} for {call.What}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        }
    }

    private async Task AssertHealthyAsync(string when)
    {
        using var response = await _host.Client.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/health answered {(int)response.StatusCode} {when}.");
    }
}
