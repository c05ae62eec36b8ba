using System.Net;
using System.Text;
using Hromada.Bots.Channels.Telegram;
using Hromada.Core.Localization;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>
/// The webhook's guard and acknowledgement, against the real host and the fake Bot API. "Nothing
/// happened" is shown without waiting: a later message of the same resident is handled after any
/// earlier one, so when its answer is the only one, the refused update produced none.
/// </summary>
public sealed class TelegramWebhookTests : TelegramWebhookHostTests
{
    [Fact]
    public async Task Post_Start_RepliesWithConsentButtonsAndAnswers200()
    {
        var olena = new TelegramResident(Host, Api, 384756291);

        var consent = await olena.SayAsync("/start");

        Assert.Equal("sendMessage", consent.Method);
        Assert.Equal(384756291, consent.ChatId);
        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_Consent"), consent.Text);
        Assert.Equal(["consent:yes", "consent:no"], consent.AllInlineData);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("hromada-webhook_secret-4")]
    public async Task Post_SecretMissingOrWrong_401AndNothingStored(string? secret)
    {
        var olena = new TelegramResident(Host, Api, 1001);

        using var refused = await olena.PostAsync(TelegramUpdates.Text(olena.UserId, "/help"), secret);
        var answer = await olena.SayAsync("/start");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_Consent"), answer.Text);
        Assert.Single(olena.Replies());
    }

    [Theory]
    [InlineData("{\"update_id\":715000100,\"message\":")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"update_id\":\"seven\"}")]
    [InlineData("{\"update_id\":715000101,\"message\":\"text\"}")]
    public async Task Post_NotAnUpdate_400(string body)
    {
        var olena = new TelegramResident(Host, Api, 1002);

        using var response = await olena.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_BodyOver1MiB_413(bool declaresLength)
    {
        var padding = new string(' ', TelegramWebhook.MaxBodyBytes);
        var body = Encoding.UTF8.GetBytes(TelegramUpdates.Text(1003, "/start") + padding);
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhook.Route)
        {
            // Without a length the body arrives chunked and is counted while read.
            Content = declaresLength ? new ByteArrayContent(body) : new StreamContent(new UnseekableStream(body)),
        };
        request.Headers.Add(TelegramWebhook.SecretHeader, TelegramResident.Secret);

        using var response = await Host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnusedUpdateKind_200AndIgnored()
    {
        var olena = new TelegramResident(Host, Api, 1004);
        var reaction = $$$"""
            {"update_id":{{{TelegramUpdates.NextUpdateId()}}},
             "message_reaction":{"chat":{"id":1004,"first_name":"\u041e\u043b\u0435\u043d\u0430","type":"private"},"message_id":5,
                                 "user":{"id":1004,"is_bot":false,"first_name":"\u041e\u043b\u0435\u043d\u0430"},"date":1772366400,
                                 "old_reaction":[],"new_reaction":[{"type":"emoji","emoji":"\ud83d\udc4d"}]}}
            """;

        using var ignored = await olena.PostAsync(reaction);
        using var edited = await olena.PostAsync(TelegramUpdates.Text(1004, "/start").Replace("\"message\":", "\"edited_message\":", StringComparison.Ordinal));
        var answer = await olena.SayAsync("/help");

        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(answer, Assert.Single(olena.Replies()));
    }

    [Fact]
    public async Task Post_SameUpdateIdTwice_OneReply()
    {
        var olena = new TelegramResident(Host, Api, 1005);
        var update = TelegramUpdates.Text(1005, "/start");

        var first = await olena.SendAsync(update);
        using var retried = await olena.PostAsync(update);
        var next = await olena.PressAsync("consent:yes");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal([first, next], olena.Replies());
        Assert.Equal(Texts.Get(Language.Uk, "Profile_AskName"), next.Text);
    }

    [Fact]
    public async Task Post_GroupMessage_NoDialog()
    {
        var olena = new TelegramResident(Host, Api, 1006);
        var inGroup = TelegramUpdates.Text(1006, "/start@HromadaTestBot")
            .Replace("\"chat\":{\"id\":1006", "\"chat\":{\"id\":-1001234567890,\"title\":\"Kamianske\"", StringComparison.Ordinal)
            .Replace("\"type\":\"private\"", "\"type\":\"supergroup\"", StringComparison.Ordinal);

        using var response = await olena.PostAsync(inGroup);
        var answer = await olena.SayAsync("/help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(answer, Assert.Single(olena.Replies()));
        Assert.DoesNotContain(Api.Calls, call => call.ChatId == -1001234567890);
    }

    [Fact]
    public async Task Post_CallbackQuery_AnsweredWithItsId()
    {
        var olena = new TelegramResident(Host, Api, 1007);
        await olena.SayAsync("/start");

        await olena.PressAsync("consent:yes", queryId: "5172839405617283940");

        var answered = await Api.WaitForAsync(call => call.Method == "answerCallbackQuery");
        Assert.Equal("5172839405617283940", Assert.Single(answered)["callback_query_id"]);
    }

    /// <summary>A stream that cannot tell its length, so the client sends the body chunked.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
