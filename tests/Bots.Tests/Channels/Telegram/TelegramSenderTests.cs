using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>The Telegram sender against the fake Bot API: rendering on the wire, and each refusal turned into a result.</summary>
public sealed class TelegramSenderTests : TelegramWebhookHostTests
{
    private const long ChatId = 700100;

    [Fact]
    public async Task Send_TextWithButtons_SendMessageWithInlineKeyboard()
    {
        var reply = new OutboundReply("Оберіть дію 👇") { Buttons = [[new ReplyButton("Профіль", "/profile")]] };

        var result = await SendAsync(reply);

        var call = Assert.Single(Api.CallsTo("sendMessage"));
        Assert.Equal(ChatId, call.ChatId);
        Assert.Equal("Оберіть дію 👇", call.Text);
        Assert.Equal(["/profile"], call.AllInlineData);
        Assert.Equal(new DeliveryResult.Delivered("1001"), result);
    }

    [Fact]
    public async Task Send_TextOver4096_TwoMessagesDeliveredAsTheLast()
    {
        var reply = new OutboundReply(new string('я', 5000)) { Buttons = [[new ReplyButton("Меню", "/menu")]] };

        var result = await SendAsync(reply);

        var calls = Api.CallsTo("sendMessage");
        Assert.Equal([4096, 904], calls.Select(call => call.Text!.Length));
        Assert.Empty(calls[0].AllInlineData);
        Assert.Equal(["/menu"], calls[1].AllInlineData);
        Assert.Equal(new DeliveryResult.Delivered("1002"), result);
    }

    [Fact]
    public async Task Send_Photo_SendPhotoWithCaption()
    {
        var reply = new OutboundReply("Афіша") { PhotoUrl = "https://example.org/poster.jpg" };

        var result = await SendAsync(reply);

        var call = Assert.Single(Api.CallsTo("sendPhoto"));
        Assert.Equal("https://example.org/poster.jpg", call["photo"]);
        Assert.Equal("Афіша", call["caption"]);
        Assert.IsType<DeliveryResult.Delivered>(result);
    }

    [Fact]
    public async Task Send_Document_UploadedAsMultipartFile()
    {
        byte[] content = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31];
        var reply = new OutboundReply("Звіт") { Document = new ReplyDocument("звіт.pdf", "application/pdf", content) };

        var result = await SendAsync(reply);

        var call = Assert.Single(Api.CallsTo("sendDocument"));
        Assert.Equal(content, Assert.Single(call.Files).Value);
        Assert.Equal("Звіт", call["caption"]);
        Assert.IsType<DeliveryResult.Delivered>(result);
    }

    [Fact]
    public async Task Send_TooManyRequests_RateLimitedWithRetryAfterAndNotRetried()
    {
        Api.Fail("sendMessage", FakeFailure.TooManyRequests, retryAfter: 7);

        var result = await SendAsync(new OutboundReply("Привіт"));

        Assert.Equal(new DeliveryResult.RateLimited(TimeSpan.FromSeconds(7)), result);
        Assert.Single(Api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Send_Blocked_Unreachable()
    {
        Api.Fail("sendMessage", FakeFailure.Blocked);

        var result = await SendAsync(new OutboundReply("Привіт"));

        var unreachable = Assert.IsType<DeliveryResult.Unreachable>(result);
        Assert.Contains("blocked", unreachable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServerErrorTwice_RetriedAndDelivered()
    {
        Api.Fail("sendMessage", FakeFailure.ServerError, times: 2);

        var result = await SendAsync(new OutboundReply("Привіт"));

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal([500, 500, 200], Api.CallsTo("sendMessage").Select(call => call.Status));
    }

    [Fact]
    public async Task Send_ServerErrorPersists_UnavailableAfterRetries()
    {
        Api.Fail("sendMessage", FakeFailure.ServerError, times: 10);

        var result = await SendAsync(new OutboundReply("Привіт"));

        Assert.IsType<DeliveryResult.Unavailable>(result);
        Assert.Equal(4, Api.CallsTo("sendMessage").Count);
    }

    [Fact]
    public async Task Send_BadRequest_FailedWithoutRetry()
    {
        Api.Fail("sendMessage", FakeFailure.BadRequest);

        var result = await SendAsync(new OutboundReply("Привіт"));

        var failed = Assert.IsType<DeliveryResult.Failed>(result);
        Assert.Contains("chat not found", failed.Reason, StringComparison.Ordinal);
        Assert.Single(Api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Send_ApiUnreachable_Unavailable()
    {
        // Nothing listens on port 1: every attempt is refused at once.
        await using var host = TestHost.Start(
            ("Telegram:Token", FakeTelegramApi.Token), ("Telegram:ApiBaseUrl", "http://127.0.0.1:1"), ("Telegram:RetryDelay", "00:00:00.010"));

        var result = await Sender(host).SendAsync(Message(new OutboundReply("Привіт")), Cancellation);

        Assert.IsType<DeliveryResult.Unavailable>(result);
    }

    private Task<DeliveryResult> SendAsync(OutboundReply reply) => Sender(Host).SendAsync(Message(reply), Cancellation);

    private static IChannelSender Sender(TestHost host) =>
        host.Services.GetServices<IChannelSender>().Single(sender => sender.Channel == ChannelKind.Telegram);

    private static OutboxMessage Message(OutboundReply reply) =>
        new(1, "test:1", ChannelKind.Telegram, ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), reply, OutboxStatus.Pending, DateTimeOffset.UtcNow);
}
