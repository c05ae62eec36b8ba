using System.Text;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>The Viber sender against the fake API: rendering, status codes and retries.</summary>
public sealed class ViberSenderTests
{
    private const string UserId = "01234567890A=";

    [Fact]
    public async Task SendAsync_Ok_ReturnsDeliveredWithTheExactTokenAbove2Pow53()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());

        var result = await SendAsync(host, new OutboundReply("Вітаємо"));

        Assert.Equal(new DeliveryResult.Delivered("9007199254740993"), result);
        var call = Assert.Single(viber.Calls, call => call.Method == "send_message");
        Assert.Equal(FakeViberApi.Token, call.AuthToken);
        Assert.Equal(UserId, call.Body.GetProperty("receiver").GetString());
        Assert.Equal("Hromada", call.Body.GetProperty("sender").GetProperty("name").GetString());
        Assert.Equal("text", call.Body.GetProperty("type").GetString());
        Assert.Equal("Вітаємо", call.Body.Text());
    }

    [Fact]
    public async Task SendAsync_ReceiverNotSubscribed_ReturnsUnreachable()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        viber.AnswerSends(new FakeAnswer.Status(6, "receiverNotSubscribed"));

        var result = await SendAsync(host, new OutboundReply("Вітаємо"));

        var unreachable = Assert.IsType<DeliveryResult.Unreachable>(result);
        Assert.Contains("receiverNotSubscribed", unreachable.Reason, StringComparison.Ordinal);
    }

    /// <summary>Through the dispatcher: Viber says the user unsubscribed, so nothing more is sent to them.</summary>
    [Fact]
    public async Task Reply_ReceiverNotSubscribed_IsDroppedNotRetried()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var chat = new ViberChat(host, viber, UserId);
        viber.AnswerSends(new FakeAnswer.Status(6, "receiverNotSubscribed"));

        await chat.SayAsync("/start");

        var reply = Assert.Single(await host.Services.GetRequiredService<IOutboxStore>()
            .ListForChatAsync(ChannelKind.Viber, UserId, 0, TestContext.Current.CancellationToken));
        Assert.Equal(OutboxStatus.Dropped, reply.Status);
        Assert.Single(viber.SentTo(UserId));
    }

    [Theory]
    [InlineData(5, "receiverNotRegistered")]
    [InlineData(11, "receiverNoSuitableDevice")]
    public async Task SendAsync_ReceiverCannotGetMessages_ReturnsUnreachable(int status, string message)
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        viber.AnswerSends(new FakeAnswer.Status(status, message));

        var result = await SendAsync(host, new OutboundReply("Вітаємо"));

        Assert.IsType<DeliveryResult.Unreachable>(result);
    }

    [Fact]
    public async Task SendAsync_TooManyRequests_ReturnsRateLimited()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        viber.AnswerSends(new FakeAnswer.Status(12, "tooManyRequests"));

        var result = await SendAsync(host, new OutboundReply("Вітаємо"));

        var limited = Assert.IsType<DeliveryResult.RateLimited>(result);
        Assert.True(limited.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task SendAsync_OtherStatus_ReturnsFailedWithStatusMessage()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        viber.AnswerSends(new FakeAnswer.Status(3, "badData"));

        var result = await SendAsync(host, new OutboundReply("Вітаємо"));

        var failed = Assert.IsType<DeliveryResult.Failed>(result);
        Assert.Contains("badData", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Http500ThenOk_RetriesAndDelivers()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        viber.AnswerSends(new FakeAnswer.HttpError(500), new FakeAnswer.HttpError(503));

        var result = await SendAsync(host, new OutboundReply("Вітаємо"));

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(3, viber.SentTo(UserId).Count);
    }

    [Fact]
    public async Task SendAsync_Http500Always_UnavailableAfterTheConfiguredRetries()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        viber.AnswerSends(new FakeAnswer.HttpError(500), new FakeAnswer.HttpError(500), new FakeAnswer.HttpError(500));

        var result = await SendAsync(host, new OutboundReply("Вітаємо"));

        var unavailable = Assert.IsType<DeliveryResult.Unavailable>(result);
        Assert.Contains("500", unavailable.Reason, StringComparison.Ordinal);
        Assert.Equal(3, viber.SentTo(UserId).Count);
    }

    [Fact]
    public async Task SendAsync_ButtonRows_RendersSilentReplyKeyboardInRows()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var reply = new OutboundReply("Оберіть")
        {
            Buttons =
            [
                [new ReplyButton("Так", "consent:yes")],
                [new ReplyButton("А", "a"), new ReplyButton("Б", "b")],
                [new ReplyButton("1", "1"), new ReplyButton("2", "2"), new ReplyButton("3", "3"), new ReplyButton("4", "4")],
            ],
        };

        await SendAsync(host, reply);

        var message = Assert.Single(viber.SentTo(UserId));
        var buttons = message.Buttons();
        Assert.Equal(["btn:consent:yes", "btn:a", "btn:b", "btn:1", "btn:2", "btn:3", "btn:4"], buttons.Select(b => b.GetProperty("ActionBody").GetString()));
        Assert.Equal([6, 3, 3, 3, 3, 3, 3], buttons.Select(b => b.GetProperty("Columns").GetInt32()));
        Assert.All(buttons, b => Assert.Equal(("reply", true), (b.GetProperty("ActionType").GetString(), b.GetProperty("Silent").GetBoolean())));
        Assert.Equal("keyboard", message.GetProperty("keyboard").GetProperty("Type").GetString());
        Assert.Equal(3, message.GetProperty("min_api_version").GetInt32());
    }

    [Fact]
    public async Task SendAsync_ContactButton_RendersSharePhoneBesideTheOtherButtons()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var reply = new OutboundReply("Телефон?")
        {
            ContactButtonLabel = "Поділитися номером",
            Buttons = [[new ReplyButton("Пропустити", "skip")]],
        };

        await SendAsync(host, reply);

        var message = Assert.Single(viber.SentTo(UserId));
        var share = message.Button("Поділитися номером");
        Assert.Equal("share-phone", share.GetProperty("ActionType").GetString());
        Assert.False(string.IsNullOrEmpty(share.GetProperty("ActionBody").GetString()));
        Assert.Equal("btn:skip", message.Button("Пропустити").GetProperty("ActionBody").GetString());
    }

    [Fact]
    public async Task SendAsync_LocationButton_RendersALocationPickerBesideTheOtherButtons()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var reply = new OutboundReply("Де це?")
        {
            LocationButtonLabel = "Надіслати геопозицію",
            Buttons = [[new ReplyButton("Скасувати", "/cancel")]],
        };

        await SendAsync(host, reply);

        var message = Assert.Single(viber.SentTo(UserId));
        var picker = message.Button("Надіслати геопозицію");
        Assert.Equal("location-picker", picker.GetProperty("ActionType").GetString());
        Assert.False(string.IsNullOrEmpty(picker.GetProperty("ActionBody").GetString()));
        Assert.Equal("btn:/cancel", message.Button("Скасувати").GetProperty("ActionBody").GetString());
        Assert.Equal(3, message.GetProperty("min_api_version").GetInt32());
    }

    [Fact]
    public async Task SendAsync_TextOver7000Characters_SplitsWithKeyboardOnTheLastPart()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var paragraph = new string('а', 3000);
        var text = string.Join("\n\n", paragraph, paragraph, paragraph, "кінець");
        var reply = new OutboundReply(text) { Buttons = [[new ReplyButton("Меню", "/menu")]] };

        var result = await SendAsync(host, reply);

        var sent = viber.SentTo(UserId);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, message => Assert.True(message.Text().Length <= 7000));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), string.Concat(sent.Select(m => m.Text())).Replace("\n", "", StringComparison.Ordinal));
        Assert.Empty(sent[0].Buttons());
        Assert.Single(sent[1].Buttons());
        Assert.Equal(new DeliveryResult.Delivered("9007199254740995"), result);
    }

    [Fact]
    public async Task SendAsync_PhotoUrl_SendsPictureWithTheTextAsCaption()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var reply = new OutboundReply("Ідея тижня") { PhotoUrl = "https://hromada.example.org/ideas/42.jpg" };

        await SendAsync(host, reply);

        var message = Assert.Single(viber.SentTo(UserId));
        Assert.Equal("picture", message.GetProperty("type").GetString());
        Assert.Equal("https://hromada.example.org/ideas/42.jpg", message.GetProperty("media").GetString());
        Assert.Equal("Ідея тижня", message.Text());
    }

    [Fact]
    public async Task SendAsync_PhotoThatIsNoUrl_SendsTheTextOnly()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var reply = new OutboundReply("Ідея тижня") { PhotoUrl = "AgACAgIAAxkBAAIBdWX-telegram-file-id" };

        await SendAsync(host, reply);

        var message = Assert.Single(viber.SentTo(UserId));
        Assert.Equal(("text", "Ідея тижня"), (message.GetProperty("type").GetString(), message.Text()));
    }

    [Fact]
    public async Task SendAsync_JsonDocument_SendsItsContentAsText()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        const string json = """{ "name": "Аліса" }""";
        var reply = new OutboundReply("Ваші дані") { Document = new ReplyDocument("my-data.json", "application/json", Encoding.UTF8.GetBytes(json)) };

        await SendAsync(host, reply);

        Assert.Equal(["Ваші дані", json], viber.SentTo(UserId).Select(m => m.Text()));
    }

    [Fact]
    public async Task SendAsync_BinaryDocument_SendsTheTextOnly()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var reply = new OutboundReply("Звіт") { Document = new ReplyDocument("report.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46]) };

        await SendAsync(host, reply);

        Assert.Equal(["Звіт"], viber.SentTo(UserId).Select(m => m.Text()));
    }

    [Fact]
    public async Task SendAsync_MoreThan24Buttons_ShowsAPageAndAMoreButton()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var reply = new OutboundReply("Оберіть") { Buttons = ManyButtons(30) };

        await SendAsync(host, reply, outboxId: 77);

        var buttons = Assert.Single(viber.SentTo(UserId)).Buttons();
        Assert.Equal(24, buttons.Count);
        Assert.Equal("btn:option:23", buttons[22].GetProperty("ActionBody").GetString());
        Assert.Equal("page:77", buttons[23].GetProperty("ActionBody").GetString());
    }

    /// <summary>The "more" press brings the rest as a new message through the outbox.</summary>
    [Fact]
    public async Task MorePressed_LongButtonList_SendsTheRemainingButtons()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var chat = new ViberChat(host, viber, UserId);
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var reply = new OutboundReply("Оберіть") { Buttons = ManyButtons(30) };
        await outbox.AddAsync([new OutboxMessage(0, "test:many", ChannelKind.Viber, UserId, reply, OutboxStatus.Pending, DateTimeOffset.UtcNow)], TestContext.Current.CancellationToken);
        var first = Assert.Single(await chat.WaitForRepliesAsync());

        var second = Assert.Single(await chat.PressAsync(first.Button("➡️")));

        Assert.Equal("Оберіть", second.Text());
        Assert.Equal(Enumerable.Range(24, 7).Select(i => $"btn:option:{i}"), second.Buttons().Select(b => b.GetProperty("ActionBody").GetString()));
    }

    [Fact]
    public async Task MorePressed_SomeoneElsesMessage_SendsNothing()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var owner = new ViberChat(host, viber, "owner0000000A=");
        var reply = new OutboundReply("Оберіть") { Buttons = ManyButtons(30) };
        await outbox.AddAsync([new OutboxMessage(0, "test:many", ChannelKind.Viber, owner.UserId, reply, OutboxStatus.Pending, DateTimeOffset.UtcNow)], TestContext.Current.CancellationToken);
        var first = Assert.Single(await owner.WaitForRepliesAsync());
        var stranger = new ViberChat(host, viber, UserId);

        using var response = await stranger.PostAsync(ViberCallbacks.Message(UserId, ViberCallbacks.Text(first.Button("➡️").GetProperty("ActionBody").GetString()!)));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await outbox.ListForChatAsync(ChannelKind.Viber, UserId, 0, TestContext.Current.CancellationToken));
    }

    private static IReadOnlyList<IReadOnlyList<ReplyButton>> ManyButtons(int count) =>
        [.. Enumerable.Range(1, count).Select(i => (IReadOnlyList<ReplyButton>)[new ReplyButton($"Варіант {i}", $"option:{i}")])];

    private static Task<DeliveryResult> SendAsync(TestHost host, OutboundReply reply, long outboxId = 1)
    {
        var sender = host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelKind.Viber);
        var message = new OutboxMessage(outboxId, "test:1", ChannelKind.Viber, UserId, reply, OutboxStatus.Pending, DateTimeOffset.UtcNow);
        return sender.SendAsync(message, TestContext.Current.CancellationToken);
    }
}
