using System.Net;
using System.Text;
using Hromada.Bots.Channels.Telegram;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Profile;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>
/// A resident in the Telegram app: their updates reach the host as real update JSON, posted to the
/// webhook as Telegram does or (with <paramref name="polled"/>) served to the host's getUpdates;
/// the bot's answers are read from the fake Bot API, in the order they were sent.
/// </summary>
internal sealed class TelegramResident(
    TestHost host, FakeTelegramApi api, long userId, string firstName = "Олена", string? languageCode = "uk", bool polled = false)
{
    public const string WebhookUrl = "https://hromada.example.org/webhooks/telegram";
    public const string Secret = "hromada-webhook_secret-42";

    private int _seen;

    public long UserId { get; } = userId;

    /// <summary>Host settings for webhook mode against <paramref name="api"/>.</summary>
    public static (string Key, string? Value)[] WebhookSettings(FakeTelegramApi api) =>
        api.Settings(("Telegram:WebhookUrl", WebhookUrl), ("Telegram:WebhookSecret", Secret));

    public async Task<HttpResponseMessage> PostAsync(string updateJson, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhook.Route)
        {
            Content = new StringContent(updateJson, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        }

        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Delivers the update (the webhook must answer 200) and returns the bot's next message to this chat.</summary>
    public async Task<TelegramCall> SendAsync(string updateJson)
    {
        if (polled)
        {
            api.QueueUpdate(updateJson);
        }
        else
        {
            using var response = await PostAsync(updateJson);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return await NextReplyAsync();
    }

    public Task<TelegramCall> SayAsync(string text) =>
        SendAsync(TelegramUpdates.Text(UserId, text, firstName: firstName, languageCode: languageCode));

    public Task<TelegramCall> PressAsync(string data, string? queryId = null) =>
        SendAsync(TelegramUpdates.Callback(UserId, data, queryId: queryId ?? Guid.NewGuid().ToString("N"), firstName: firstName, languageCode: languageCode));

    /// <summary>Shares a contact; <paramref name="ownerId"/> is whose number it is (the resident's own when equal to <see cref="UserId"/>).</summary>
    public Task<TelegramCall> ShareContactAsync(string phone, long? ownerId) =>
        SendAsync(TelegramUpdates.Contact(UserId, phone, ownerId, firstName: firstName, languageCode: languageCode));

    /// <summary>Registers through onboarding: the platform's name, the community, the first sphere, no phone.</summary>
    public async Task RegisterAsync(string communityId = "kamianske")
    {
        await SayAsync("/start");
        await PressAsync(OnboardingDialog.Agree);
        await PressAsync(ProfileQuestions.UseDisplayName);
        var spheres = await PressAsync(ProfileQuestions.CommunityPrefix + communityId);
        await PressAsync(spheres.AllInlineData.First(data => data.StartsWith(ProfileQuestions.SpherePrefix, StringComparison.Ordinal)));
        await PressAsync(ProfileQuestions.Done);
        await PressAsync(ProfileQuestions.Skip);
    }

    /// <summary>Waits for the bot's next message to this chat after those already seen.</summary>
    public async Task<TelegramCall> NextReplyAsync()
    {
        var replies = await api.WaitForAsync(call => call.IsSentTo(UserId), _seen + 1);
        return replies[_seen++];
    }

    /// <summary>Every message the bot has sent to this chat so far.</summary>
    public IReadOnlyList<TelegramCall> Replies() => [.. api.Calls.Where(call => call.IsSentTo(UserId))];
}
