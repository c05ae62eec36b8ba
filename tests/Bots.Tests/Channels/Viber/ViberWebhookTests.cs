using System.Net;
using System.Text;
using Hromada.Bots.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>The webhook's guard: size, signature over the raw bytes, then parsing.</summary>
public sealed class ViberWebhookTests
{
    private const string UserId = "01234567890A=";

    [Fact]
    public async Task Post_SignedWebhookEvent_Returns200()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Webhook());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_MissingSignature_Returns401AndAcceptsNothing()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());
        using var content = new StringContent(ViberCallbacks.Message(UserId, ViberCallbacks.Text("/start")), Encoding.UTF8, "application/json");

        using var response = await host.Client.PostAsync("/webhooks/viber", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Services.GetRequiredService<RecordingInbox>().Accepted);
    }

    [Fact]
    public async Task Post_WrongSignature_Returns401AndAcceptsNothing()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());
        var body = Encoding.UTF8.GetBytes(ViberCallbacks.Message(UserId, ViberCallbacks.Text("/start")));

        using var response = await ViberChat.PostBytesAsync(host, body, ViberSigner.Sign(body, "another-bot-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Services.GetRequiredService<RecordingInbox>().Accepted);
    }

    [Fact]
    public async Task Post_SignatureOfAnotherBody_Returns401()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var signed = Encoding.UTF8.GetBytes(ViberCallbacks.Message(UserId, ViberCallbacks.Text("hello")));
        var sent = Encoding.UTF8.GetBytes(ViberCallbacks.Message(UserId, ViberCallbacks.Text("/forget")));

        using var response = await ViberChat.PostBytesAsync(host, sent, ViberSigner.Sign(signed));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignatureOnlyInSigQuery_Returns401()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var body = Encoding.UTF8.GetBytes(ViberCallbacks.Webhook());

        using var response = await ViberChat.PostBytesAsync(host, body, signature: "", path: $"/webhooks/viber?sig={ViberSigner.Sign(body)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SigQueryBesideSignedBody_IgnoresQueryAndAccepts()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());
        var body = Encoding.UTF8.GetBytes(ViberCallbacks.Message(UserId, ViberCallbacks.Text("hello")));

        using var response = await ViberChat.PostBytesAsync(host, body, path: "/webhooks/viber?sig=0123456789abcdef");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
    }

    /// <summary>Re-serialising this body would change its bytes and so its signature.</summary>
    [Fact]
    public async Task Post_UnusualWhitespaceAndEscapes_VerifiesRawBytesAndDecodesText()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());
        const string json = "{ \"event\" :\t\"message\",\r\n  \"timestamp\":1457764197627 ,\"message_token\" : 5000000000000000003,\n" +
            "\"sender\":{\"id\":\"01234567890A=\",\"name\":\"\\u0410\\u043b\\u0456\\u0441\\u0430\",\"language\":\"uk-UA\"},\n" +
            "\"message\":{ \"type\":\"text\", \"text\":\"\\u041f\\u0440\\u0438\\u0432\\u0456\\u0442 \\ud83d\\ude00 \\\"\\/\"}  }\n";

        using var response = await ViberChat.PostAsync(host, json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(host.Services.GetRequiredService<RecordingInbox>().Accepted);
        Assert.Equal("Привіт 😀 \"/", message.Text);
        Assert.Equal("Аліса", message.DisplayName);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());

        using var response = await ViberChat.PostAsync(host, """{"event":"message","sender":{"id":"01234567890A=" """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoEvent_Returns400()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());

        using var response = await ViberChat.PostAsync(host, """{"timestamp":1457764197627,"message_token":5000000000000000001}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_MessageWithoutSender_Returns400()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());

        using var response = await ViberChat.PostAsync(host,
            """{"event":"message","timestamp":1457764197627,"message_token":5000000000000000001,"message":{"type":"text","text":"hi"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_WrongTypeForToken_Returns400()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());

        using var response = await ViberChat.PostAsync(host,
            """{"event":"delivered","timestamp":1457764197627,"message_token":{"id":1},"user_id":"01234567890A="}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverOneMebibyte_Returns413()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var text = new string('a', 1024 * 1024);
        var body = Encoding.UTF8.GetBytes(ViberCallbacks.Message(UserId, ViberCallbacks.Text(text)));

        using var response = await ViberChat.PostBytesAsync(host, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownEvent_Returns200AndAcceptsNothing()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(RecordingInbox.Install, viber.Settings());

        using var response = await ViberChat.PostAsync(host,
            """{"event":"client_status","timestamp":1457764197627,"message_token":5000000000000000001,"user_id":"01234567890A="}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Services.GetRequiredService<RecordingInbox>().Accepted);
    }

    [Fact]
    public async Task Post_ChannelOff_Returns404()
    {
        await using var host = TestHost.Start();

        using var response = await ViberChat.PostAsync(host, ViberCallbacks.Webhook());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
