using System.Globalization;
using System.Net;
using System.Text.Json;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>Each Viber event kind, posted signed to the host, and what it changes.</summary>
public sealed class ViberEventTests
{
    private const string UserId = "01234567890A=";

    [Fact]
    public async Task ConversationStarted_NewUser_RepliesInBodyWithWelcomeAndStartButton()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.ConversationStarted(UserId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.False(welcome.TryGetProperty("receiver", out _));
        Assert.Equal("text", welcome.GetProperty("type").GetString());
        Assert.Equal("Hromada", welcome.GetProperty("sender").GetProperty("name").GetString());
        Assert.Equal(Texts.Get(Language.Uk, "Channel_Welcome"), welcome.Text());
        var start = welcome.Button(Texts.Get(Language.Uk, "Help_Start"));
        Assert.Equal("reply", start.GetProperty("ActionType").GetString());
        Assert.Equal("btn:/start", start.GetProperty("ActionBody").GetString());
        Assert.Empty(viber.SentTo(UserId));
    }

    [Fact]
    public async Task ConversationStarted_EnglishApp_WelcomesInEnglish()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.ConversationStarted(UserId, "Alice", "en"));

        var welcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(Texts.Get(Language.En, "Channel_Welcome"), welcome.Text());
        Assert.Equal("btn:/start", welcome.Button("Start").GetProperty("ActionBody").GetString());
    }

    [Fact]
    public async Task ConversationStarted_RegisteredResident_WelcomesBackWithMenuButton()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        await SeedResidentAsync(host, reachable: true);

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.ConversationStarted(UserId, subscribed: true));

        var welcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_WelcomeBack", "Аліса"), welcome.Text());
        Assert.Equal("btn:/menu", welcome.Button(Texts.Get(Language.Uk, "Menu_Button")).GetProperty("ActionBody").GetString());
    }

    [Fact]
    public async Task Message_Text_AcceptedWithSenderChatLanguageNameAndTime()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.Text("Привіт"), token: 5_000_000_000_000_000_777));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal(ChannelKind.Viber, message.Channel);
        Assert.Equal("5000000000000000777", message.UpdateId);
        Assert.Equal(UserId, message.PlatformUserId);
        Assert.Equal(UserId, message.ChatId);
        Assert.Equal("uk-UA", message.LanguageCode);
        Assert.Equal("Аліса", message.DisplayName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(ViberCallbacks.Timestamp), message.ReceivedAt);
        Assert.Equal("Привіт", message.Text);
        Assert.Null(message.ButtonData);
    }

    [Fact]
    public async Task Message_TokenAbove2Pow53_KeepsEveryDigitAsUpdateId()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.Text("hi"), token: 9_007_199_254_740_993));

        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal("9007199254740993", message.UpdateId);
    }

    [Fact]
    public async Task Message_ButtonPress_ArrivesAsButtonData()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.Text("btn:community:kamianske")));

        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal("community:kamianske", message.ButtonData);
        Assert.Null(message.Text);
    }

    [Fact]
    public async Task Message_Contact_IsNeverTakenAsTheSendersOwn()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.Contact("+380501234567")));

        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal(new SharedContact("+380501234567", ContactOwnership.Unproven), message.Contact);
    }

    [Fact]
    public async Task Message_Location_MapsLatAndLon()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.Location(48.5079, 34.6132)));

        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal(new GeoPoint(48.5079, 34.6132), message.Location);
    }

    [Fact]
    public async Task Message_Picture_MapsMediaAsPhotoAndCaptionAsText()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());
        const string media = "https://dl-media.viber.com/5/media/2/short/any/sig/image/0x0/photo.jpg";

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.Picture(media, "Яма на дорозі")));

        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal(media, message.PhotoId);
        Assert.Equal("Яма на дорозі", message.Text);
    }

    [Fact]
    public async Task Message_ImageSentAsFile_MapsAsPhoto()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());
        const string media = "https://dl-media.viber.com/5/share/2/long/any/file/IMG_0042.JPG";

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.File(media, "IMG_0042.JPG")));

        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal(media, message.PhotoId);
    }

    [Fact]
    public async Task Message_OtherFile_AcceptedWithoutContent()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.File("https://dl-media.viber.com/5/share/report.pdf", "report.pdf")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal((null, null, null, null), (message.Text, message.ButtonData, message.PhotoId, message.Contact));
    }

    [Fact]
    public async Task Message_Sticker_Returns200AndAcceptsNothing()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.Sticker()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Services.GetRequiredService<RecordingInbox>().Accepted);
    }

    /// <summary>The third message is handled after the others (one resident, in order), so waiting for it shows everything.</summary>
    [Fact]
    public async Task Message_SameTokenTwice_IsHandledAndAnsweredOnce()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var chat = new ViberChat(host, viber, UserId);
        var token = ViberCallbacks.NextToken();

        var first = await chat.SendAsync(ViberCallbacks.Text("/start"), token);
        using var repeat = await chat.PostAsync(ViberCallbacks.Message(UserId, ViberCallbacks.Text("/start"), token));
        var afterwards = await chat.SayAsync("/help");

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_Consent"), Assert.Single(first).Text());
        Assert.Single(afterwards);
        Assert.Equal(2, viber.SentTo(UserId).Count);
    }

    [Fact]
    public async Task Subscribed_UnreachableResident_MarksReachable()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        await SeedResidentAsync(host, reachable: false);

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Subscribed(UserId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await IsReachableAsync(host));
    }

    [Fact]
    public async Task Unsubscribed_Resident_MarksUnreachableAndDropsQueuedMessages()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        await SeedResidentAsync(host, reachable: true);
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var later = new OutboxMessage(0, "test:later", ChannelKind.Viber, UserId, new OutboundReply("Завтра"), OutboxStatus.Pending, DateTimeOffset.UtcNow)
        {
            Priority = OutboxPriority.Broadcast,
            NotBefore = DateTimeOffset.UtcNow.AddDays(1),
        };
        await outbox.AddAsync([later], TestContext.Current.CancellationToken);

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Unsubscribed(UserId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await IsReachableAsync(host));
        var queued = Assert.Single(await outbox.ListForChatAsync(ChannelKind.Viber, UserId, 0, TestContext.Current.CancellationToken));
        Assert.Equal(OutboxStatus.Dropped, queued.Status);
    }

    [Fact]
    public async Task Message_FromUnreachableResident_MarksReachableAgain()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        await SeedResidentAsync(host, reachable: false);

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Message(UserId, ViberCallbacks.Text("/help")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await IsReachableAsync(host));
    }

    [Fact]
    public async Task DeliveredThenSeen_SentReply_RecordedOnItsOutboxMessage()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var chat = new ViberChat(host, viber, UserId);
        await chat.SayAsync("/start");
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var sent = Assert.Single(await outbox.ListForChatAsync(ChannelKind.Viber, UserId, 0, TestContext.Current.CancellationToken));
        var at = DateTimeOffset.FromUnixTimeMilliseconds(ViberCallbacks.Timestamp);

        using var delivered = await ViberChat.PostAsync(host, ViberCallbacks.Receipt("delivered", UserId, sent.PlatformMessageId!));
        using var seen = await ViberChat.PostAsync(host, ViberCallbacks.Receipt("seen", UserId, sent.PlatformMessageId!));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (delivered.StatusCode, seen.StatusCode));
        Assert.Equal(FakeViberApi.FirstMessageToken.ToString(CultureInfo.InvariantCulture), sent.PlatformMessageId);
        var recorded = await outbox.GetAsync(sent.Id, TestContext.Current.CancellationToken);
        Assert.Equal(at, recorded!.DeliveredAt);
        Assert.Equal(at, recorded.SeenAt);
    }

    [Fact]
    public async Task Failed_SentReply_MarksItsOutboxMessageFailed()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var chat = new ViberChat(host, viber, UserId);
        await chat.SayAsync("/start");
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var sent = Assert.Single(await outbox.ListForChatAsync(ChannelKind.Viber, UserId, 0, TestContext.Current.CancellationToken));

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Failed(UserId, sent.PlatformMessageId!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = await outbox.GetAsync(sent.Id, TestContext.Current.CancellationToken);
        Assert.Equal(OutboxStatus.Failed, recorded!.Status);
    }

    private static async Task SeedResidentAsync(TestHost host, bool reachable)
    {
        var now = DateTimeOffset.UtcNow;
        var resident = new Resident
        {
            Id = "resident-1",
            Name = "Аліса",
            CreatedAt = now,
            ConsentedAt = now,
            RegisteredAt = now,
            Identities = [new ChannelIdentity(ChannelKind.Viber, UserId, UserId) { Reachable = reachable }],
        };
        await host.Services.GetRequiredService<IResidentStore>().SaveAsync(resident, TestContext.Current.CancellationToken);
    }

    private static async Task<bool> IsReachableAsync(TestHost host)
    {
        var resident = await host.Services.GetRequiredService<IResidentStore>()
            .FindByIdentityAsync(new IdentityKey(ChannelKind.Viber, UserId), TestContext.Current.CancellationToken);
        return Assert.Single(resident!.Identities).Reachable;
    }
}
