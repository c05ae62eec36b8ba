using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Dev;

public sealed class DevChatApiTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_UpdateIdRepeated_AcceptedOnceAndAnsweredOnce()
    {
        await using var host = TestHost.Start();
        var alice = new DevChatResident(host, "alice");
        using var first = await alice.PostAsync(new { text = "/start", updateId = "update-1" });
        var firstReplies = await alice.WaitForRepliesAsync();

        using var retry = await alice.PostAsync(new { text = "/start", updateId = "update-1" });
        var nextReplies = await alice.SayAsync("/cancel");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.True(await AcceptedAsync(first));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.False(await AcceptedAsync(retry));
        var cancelled = Assert.Single(nextReplies);
        Assert.DoesNotContain(firstReplies, reply => reply.Text == cancelled.Text);
        Assert.Equal(firstReplies.Count + 1, (await alice.ListRepliesAsync()).Count);
    }

    [Fact]
    public async Task Post_Message_RepliesStoredForTheDevChatAndMarkedSent()
    {
        await using var host = TestHost.Start();
        var alice = new DevChatResident(host, "alice_01");
        var outbox = host.Services.GetRequiredService<IOutboxStore>();

        await alice.SayAsync("/start");

        var stored = await Eventually.ResultAsync(
            () => outbox.ListForChatAsync(ChannelKind.Dev, "alice_01", 0, Cancellation),
            messages => messages.All(message => message.Status != OutboxStatus.Pending));
        Assert.NotEmpty(stored);
        Assert.All(stored, message => Assert.Equal(OutboxStatus.Sent, message.Status));
    }

    [Fact]
    public async Task Post_ChannelField_RejectedAsBadRequest()
    {
        await using var host = TestHost.Start();

        using var response = await PostJsonAsync(host, """{"userId":"alice","text":"/start","channel":"Telegram"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_MalformedJson_ReturnsBadRequestProblem()
    {
        await using var host = TestHost.Start();

        using var response = await PostJsonAsync(host, """{"userId":"alice","text":""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_BodyOver64KiB_ReturnsPayloadTooLarge()
    {
        await using var host = TestHost.Start();
        var text = new string('a', 65 * 1024);

        using var response = await PostJsonAsync(host, JsonSerializer.Serialize(new { userId = "alice", text }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"text":"/start"}""", "userId")]
    [InlineData("""{"userId":"","text":"/start"}""", "userId")]
    [InlineData("""{"userId":"alice smith","text":"/start"}""", "userId")]
    [InlineData("""{"userId":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","text":"/start"}""", "userId")]
    [InlineData("""{"userId":"alice"}""", "text")]
    [InlineData("""{"userId":"alice","text":"   "}""", "text")]
    [InlineData("""{"userId":"alice","location":{"latitude":91,"longitude":0}}""", "location")]
    [InlineData("""{"userId":"alice","contact":{"phoneNumber":"call me"}}""", "contact")]
    public async Task Post_InvalidMessage_ReturnsValidationProblemNamingTheField(string body, string field)
    {
        await using var host = TestHost.Start();

        using var response = await PostJsonAsync(host, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Post_NotJson_ReturnsUnsupportedMediaType()
    {
        await using var host = TestHost.Start();
        using var content = new StringContent("userId=alice&text=hi", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await host.Client.PostAsync("/dev/api/messages", content, Cancellation);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task List_InvalidUserId_ReturnsBadRequest()
    {
        await using var host = TestHost.Start();

        using var response = await host.Client.GetAsync("/dev/api/messages?userId=a%20b", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_AfterLastSeenId_ReturnsOnlyNewerReplies()
    {
        await using var host = TestHost.Start();
        var alice = new DevChatResident(host, "alice");
        var first = await alice.SayAsync("/start");

        var second = await alice.SayAsync("/cancel");

        Assert.All(second, reply => Assert.True(reply.Id > first[^1].Id));
        Assert.Empty(await alice.ListRepliesAsync(after: second[^1].Id));
    }

    [Fact]
    public async Task Routes_TelegramTokenConfigured_DevChatNotFound()
    {
        await using var host = TestHost.Start(("Telegram:Token", "123456:secret"));

        using var page = await host.Client.GetAsync("/", Cancellation);
        using var post = await PostJsonAsync(host, """{"userId":"alice","text":"/start"}""");
        using var list = await host.Client.GetAsync("/dev/api/messages?userId=alice", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
    }

    [Fact]
    public async Task Routes_TokenConfiguredButDevChatEnabled_DevChatAnswers()
    {
        await using var host = TestHost.Start(("Viber:Token", "secret"), ("DevChat:Enabled", "true"));

        using var page = await host.Client.GetAsync("/", Cancellation);
        using var post = await PostJsonAsync(host, """{"userId":"alice","text":"/start"}""");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
    }

    [Fact]
    public async Task Routes_NoTokenButDevChatDisabled_DevChatNotFound()
    {
        await using var host = TestHost.Start(("DevChat:Enabled", "false"));

        using var page = await host.Client.GetAsync("/", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/dev/chat.js", "text/javascript")]
    [InlineData("/dev/chat.css", "text/css")]
    public async Task Page_NoToken_ServedWithItsContentType(string path, string mediaType)
    {
        await using var host = TestHost.Start();

        using var response = await host.Client.GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Cancellation));
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(TestHost host, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await host.Client.PostAsync("/dev/api/messages", content, Cancellation);
    }

    private static async Task<bool> AcceptedAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("accepted").GetBoolean();
}
