using Hromada.Bots.Tests.Channels.Telegram;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Reliability;

/// <summary>
/// The Bot API fails the host's sends for a while: 500s past the client's own retries, dropped
/// connections, and a storm of 429s with retry_after. Replies must be delayed, never lost, and (the
/// fake delivering nothing it refused) never duplicated.
/// </summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const int Residents = 10;
    private const long FirstResident = 770_000_001;

    private FakeTelegramApi _api = null!;
    private TestHost _host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeTelegramApi.StartAsync();
        _host = TestHost.Start(
        [
            .. TelegramResident.WebhookSettings(_api),
            ("Outbox:RetryDelay", "00:00:00.200"),
            ("Outbox:MaxRetryDelay", "00:00:01"),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Deliver_BotApiFailsWith500sDroppedConnectionsAnd429Storm_EveryReplyDeliveredOnce()
    {
        // Each message gets four tries from the HTTP client (1 + Telegram:MaxRetries), so four 500s per
        // resident outlast the client's retries for every message: an outage the outbox must wait out.
        _api.Fail("sendMessage", FakeFailure.ServerError, times: 4 * Residents);
        _api.Fail("sendMessage", FakeFailure.Dropped, times: 8);
        _api.Fail("sendMessage", FakeFailure.TooManyRequests, times: 15, retryAfter: 1);
        _api.Fail("sendMessage", FakeFailure.ServerError, times: 12);
        var residents = Enumerable.Range(0, Residents).Select(i => new TelegramResident(_host, _api, FirstResident + i)).ToList();

        var replies = await Task.WhenAll(residents.Select(resident => resident.SayAsync("/start")));

        var consent = Texts.Get(Language.Uk, "Onboarding_Consent");
        Assert.All(replies, reply => Assert.Equal(consent, reply.Text));
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        var refused = _api.CallsTo("sendMessage").Count(call => call.Status != 200);
        TestContext.Current.TestOutputHelper?.WriteLine($"{refused} sends refused or dropped before every resident had the reply");
        Assert.Equal((4 * Residents) + 8 + 15 + 12, refused);
        Assert.All(residents, resident => Assert.Single(resident.Replies()));
        var outbox = _host.Services.GetRequiredService<IOutboxStore>();
        foreach (var resident in residents)
        {
            var stored = await outbox.ListForChatAsync(ChannelKind.Telegram, resident.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, Cancellation);
            Assert.Equal(OutboxStatus.Sent, Assert.Single(stored).Status);
        }
    }
}
