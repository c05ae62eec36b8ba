using System.Net;
using Hromada.Bots.Channels.Telegram;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>What the host tells Telegram at start-up, and long polling for hosts without a public address.</summary>
public sealed class TelegramModesTests : IAsyncLifetime
{
    private FakeTelegramApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await FakeTelegramApi.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Start_WebhookUrlSet_SetsWebhookWithSecretAndUpdateKinds()
    {
        await using var host = TestHost.Start(TelegramResident.WebhookSettings(_api));

        var setWebhook = Assert.Single(await _api.WaitForAsync(call => call.Method == "setWebhook"));

        Assert.Equal(TelegramResident.WebhookUrl, setWebhook["url"]);
        Assert.Equal(TelegramResident.Secret, setWebhook["secret_token"]);
        Assert.Equal(["message", "callback_query", "my_chat_member"], UpdateKinds(setWebhook));
        Assert.DoesNotContain(_api.Calls, call => call.Method is "getUpdates" or "deleteWebhook");
    }

    [Fact]
    public async Task Start_AllowedUpdatesConfigured_SetWebhookAsksForThem()
    {
        await using var host = TestHost.Start(_api.Settings(
            ("Telegram:WebhookUrl", TelegramResident.WebhookUrl),
            ("Telegram:WebhookSecret", TelegramResident.Secret),
            ("Telegram:AllowedUpdates:0", "message"),
            ("Telegram:AllowedUpdates:1", "callback_query")));

        var setWebhook = Assert.Single(await _api.WaitForAsync(call => call.Method == "setWebhook"));

        Assert.Equal(["message", "callback_query"], UpdateKinds(setWebhook));
    }

    [Fact]
    public async Task Start_TokenSet_PublishesCommandMenuInUkrainianAndEnglish()
    {
        await using var host = TestHost.Start(TelegramResident.WebhookSettings(_api));

        var calls = await _api.WaitForAsync(call => call.Method == "setMyCommands", count: 3);

        Assert.Equal([null, "uk", "en"], calls.Select(call => call["language_code"]));
        foreach (var (call, language) in calls.Zip([Language.Uk, Language.Uk, Language.En]))
        {
            var commands = call.Parameters["commands"]!.AsArray()
                .ToDictionary(command => (string)command!["command"]!, command => (string)command!["description"]!);
            Assert.Contains("start", commands.Keys);
            Assert.Contains("cancel", commands.Keys);
            Assert.All(commands, command => Assert.Equal(Texts.Get(language, $"Command_{command.Key}"), command.Value));
        }
    }

    [Fact]
    public async Task Polling_NoWebhookUrl_DeletesWebhookFirstThenRepliesToPolledUpdates()
    {
        _api.QueueUpdate(TelegramUpdates.Text(600100, "/start"));
        await using var host = TestHost.Start(_api.Settings());

        var reply = Assert.Single(await _api.WaitForAsync(call => call.IsSentTo(600100)));

        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_Consent"), reply.Text);
        var pollingCalls = _api.Calls.Where(call => call.Method is "deleteWebhook" or "getUpdates").ToList();
        Assert.Equal("deleteWebhook", pollingCalls[0].Method);
        Assert.Contains(pollingCalls, call => call.Method == "getUpdates");
        Assert.DoesNotContain(_api.Calls, call => call.Method == "setWebhook");
    }

    [Fact]
    public async Task Polling_Onboarding_Registers()
    {
        await using var host = TestHost.Start(_api.Settings());
        var mykola = new TelegramResident(host, _api, 600600, "Микола", polled: true);

        await mykola.SayAsync("/start");
        await mykola.PressAsync(OnboardingDialog.Agree);
        await mykola.SayAsync("Микола Петренко");
        var spheres = await mykola.PressAsync(ProfileQuestions.CommunityPrefix + "lviv");
        await mykola.PressAsync(spheres.AllInlineData.First(data => data.StartsWith(ProfileQuestions.SpherePrefix, StringComparison.Ordinal)));
        await mykola.PressAsync(ProfileQuestions.Done);
        var completed = await mykola.ShareContactAsync("+380931234567", ownerId: mykola.UserId);

        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_Completed", "Микола Петренко"), completed.Text);
        var resident = await Eventually.ResultAsync(
            () => host.Services.GetRequiredService<IResidentStore>().FindByIdentityAsync(
                new IdentityKey(ChannelKind.Telegram, "600600"), TestContext.Current.CancellationToken),
            found => found?.IsRegistered == true);
        Assert.True(resident!.PhoneVerified);
    }

    [Fact]
    public async Task Polling_OnboardingStep_ConfirmsUpdatesAndAnswersButton()
    {
        await using var host = TestHost.Start(_api.Settings());
        _api.QueueUpdate(TelegramUpdates.Text(600200, "/start"));
        await _api.WaitForAsync(call => call.IsSentTo(600200));

        _api.QueueUpdate(TelegramUpdates.Callback(600200, "consent:yes", queryId: "998877665544"));

        var replies = await _api.WaitForAsync(call => call.IsSentTo(600200), count: 2);
        Assert.Equal(Texts.Get(Language.Uk, "Profile_AskName"), replies[1].Text);
        await _api.WaitForAsync(call => call.Method == "answerCallbackQuery" && call["callback_query_id"] == "998877665544");
        Assert.Contains(_api.Calls, call => call.Method == "getUpdates" && long.Parse(call["offset"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    /// <summary>As after a crash between storing an update and confirming it: Telegram serves it again.</summary>
    [Fact]
    public async Task Polling_SameUpdateServedTwice_OneReply()
    {
        var update = TelegramUpdates.Text(600300, "/start");
        _api.QueueUpdate(update);
        _api.QueueUpdate(update);
        _api.QueueUpdate(TelegramUpdates.Callback(600300, "consent:yes"));

        await using var host = TestHost.Start(_api.Settings());

        var replies = await _api.WaitForAsync(call => call.IsSentTo(600300), count: 2);
        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_Consent"), replies[0].Text);
        Assert.Equal(Texts.Get(Language.Uk, "Profile_AskName"), replies[1].Text);
    }

    [Fact]
    public async Task Polling_WebhookRoute_NotMapped()
    {
        await using var host = TestHost.Start(_api.Settings());

        using var response = await host.Client.PostAsync(
            TelegramWebhook.Route, new StringContent(TelegramUpdates.Text(600400, "/start")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Polling_GetUpdatesFailsOnce_KeepsPolling()
    {
        _api.Fail("getUpdates", FakeFailure.ServerError);
        _api.QueueUpdate(TelegramUpdates.Text(600500, "/start"));

        await using var host = TestHost.Start(_api.Settings());

        Assert.Single(await _api.WaitForAsync(call => call.IsSentTo(600500)));
    }

    private static IEnumerable<string> UpdateKinds(TelegramCall call) =>
        call.Parameters["allowed_updates"]!.AsArray().Select(kind => (string)kind!);
}
