using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>Residents talking to the real host through the webhook, the bot answering through the fake Bot API.</summary>
public sealed class TelegramConversationTests : TelegramWebhookHostTests
{
    [Fact]
    public async Task Onboarding_ThroughWebhook_RegistersWithVerifiedPhone()
    {
        var olena = new TelegramResident(Host, Api, 384756291);

        var consent = await olena.SayAsync("/start");
        var askName = await olena.PressAsync(OnboardingDialog.Agree);
        var askCommunity = await olena.PressAsync(ProfileQuestions.UseDisplayName);
        var matches = await olena.SayAsync("Кам");
        var kamianske = matches.InlineData.Single(row => row[0] == ProfileQuestions.CommunityPrefix + "kamianske")[0];
        var spheres = await olena.PressAsync(kamianske);
        var toggled = await olena.PressAsync(spheres.AllInlineData.First(data => data.StartsWith(ProfileQuestions.SpherePrefix, StringComparison.Ordinal)));
        var askPhone = await olena.PressAsync(ProfileQuestions.Done);
        var completed = await olena.ShareContactAsync("380501234567", ownerId: olena.UserId);

        Assert.Equal(Text("Onboarding_Consent"), consent.Text);
        Assert.Equal(Text("Profile_AskName"), askName.Text);
        Assert.Equal(["Олена"], askName.InlineLabels);
        Assert.Equal(Text("Profile_AskCommunity"), askCommunity.Text);
        Assert.Equal(Text("Profile_ChooseCommunity"), matches.Text);
        Assert.Equal(Text("Profile_AskSpheres"), spheres.Text);
        Assert.Single(toggled.InlineLabels, label => label.StartsWith('✅'));
        Assert.Equal(Text("Profile_AskPhone"), askPhone.Text);
        Assert.Equal((Text("Profile_ShareContact"), true), askPhone.ReplyKeyboard[0][0]);
        Assert.Equal((Text("Profile_SkipPhone"), false), askPhone.ReplyKeyboard[1][0]);
        Assert.Equal(Text("Onboarding_Completed", "Олена"), completed.Text);
        Assert.Contains("/profile", completed.AllInlineData);
        var resident = await RegisteredAsync(olena.UserId);
        Assert.Equal("+380501234567", resident?.Phone);
        Assert.True(resident?.PhoneVerified);
        Assert.Equal("kamianske", resident?.CommunityId);
    }

    [Fact]
    public async Task Onboarding_SomebodyElsesContact_RefusedThenSkipLabelAccepted()
    {
        var taras = new TelegramResident(Host, Api, 500100, "Тарас");
        await RegisterUpToPhoneAsync(taras);

        var refused = await taras.ShareContactAsync("+380671112233", ownerId: 500999);
        var completed = await taras.SayAsync(Text("Profile_SkipPhone"));

        Assert.StartsWith(Text("Problem_PhoneNotOwn"), refused.Text, StringComparison.Ordinal);
        Assert.True(refused.ReplyKeyboard[0][0].RequestsContact);
        Assert.Equal(Text("Onboarding_Completed", "Тарас"), completed.Text);
        var resident = await RegisteredAsync(taras.UserId);
        Assert.Null(resident?.Phone);
        Assert.False(resident?.PhoneVerified);
    }

    [Fact]
    public async Task Message_EnglishApp_RepliesInEnglish()
    {
        var john = new TelegramResident(Host, Api, 500200, "John", languageCode: "en-GB");

        var consent = await john.SayAsync("/start");

        Assert.Equal(Texts.Get(Language.En, "Onboarding_Consent"), consent.Text);
    }

    [Fact]
    public async Task Command_WithBotUsername_Handled()
    {
        var olena = new TelegramResident(Host, Api, 500300);
        await RegisterAsync(olena);

        var menu = await olena.SayAsync("/menu@HromadaTestBot");

        Assert.Equal(Text("Menu_Title"), menu.Text);
    }

    [Fact]
    public async Task MyChatMember_KickedThenMember_UnreachableThenReachable()
    {
        var olena = new TelegramResident(Host, Api, 500400);
        await RegisterAsync(olena);

        using var kicked = await olena.PostAsync(TelegramUpdates.MyChatMember(olena.UserId, "member", "kicked"));
        var afterKick = await FindIdentityAsync(olena.UserId);
        using var restarted = await olena.PostAsync(TelegramUpdates.MyChatMember(olena.UserId, "kicked", "member"));
        var afterRestart = await FindIdentityAsync(olena.UserId);

        Assert.Equal(System.Net.HttpStatusCode.OK, kicked.StatusCode);
        Assert.False(afterKick.Reachable);
        Assert.True(afterRestart.Reachable);
    }

    [Fact]
    public async Task Send_BotBlockedByResident_ResidentUnreachable()
    {
        var olena = new TelegramResident(Host, Api, 500500);
        await RegisterAsync(olena);
        Api.BlockChat(olena.UserId);

        using var response = await olena.PostAsync(TelegramUpdates.Text(olena.UserId, "/menu"));

        var identity = await Eventually.ResultAsync(() => FindIdentityAsync(olena.UserId), found => !found.Reachable);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(identity.Reachable);
        Assert.Contains(Api.Calls, call => call.Status == 403 && call.ChatId == olena.UserId);
    }

    [Fact]
    public async Task Send_RateLimited_DeliveredAfterRetryAfter()
    {
        var olena = new TelegramResident(Host, Api, 500600);
        Api.Fail("sendMessage", FakeFailure.TooManyRequests, retryAfter: 1);

        var consent = await olena.SayAsync("/start");

        Assert.Equal(Text("Onboarding_Consent"), consent.Text);
        var attempts = Api.CallsTo("sendMessage").Where(call => call.ChatId == olena.UserId).ToList();
        Assert.Equal([429, 200], attempts.Select(call => call.Status));
    }

    private static async Task RegisterUpToPhoneAsync(TelegramResident resident)
    {
        await resident.SayAsync("/start");
        await resident.PressAsync(OnboardingDialog.Agree);
        await resident.PressAsync(ProfileQuestions.UseDisplayName);
        var spheres = await resident.PressAsync(ProfileQuestions.CommunityPrefix + "kyiv");
        await resident.PressAsync(spheres.AllInlineData.First(data => data.StartsWith(ProfileQuestions.SpherePrefix, StringComparison.Ordinal)));
        await resident.PressAsync(ProfileQuestions.Done);
    }

    private async Task RegisterAsync(TelegramResident resident)
    {
        await RegisterUpToPhoneAsync(resident);
        await resident.PressAsync(ProfileQuestions.Skip);
        await RegisteredAsync(resident.UserId);
    }

    /// <summary>The engine stores the replies before the resident, so the last reply can arrive first.</summary>
    private Task<Resident?> RegisteredAsync(long userId) =>
        Eventually.ResultAsync(() => FindResidentAsync(userId), resident => resident?.IsRegistered == true);

    private async Task<Resident?> FindResidentAsync(long userId) =>
        await Host.Services.GetRequiredService<IResidentStore>()
            .FindByIdentityAsync(new IdentityKey(ChannelKind.Telegram, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cancellation);

    private async Task<ChannelIdentity> FindIdentityAsync(long userId) =>
        (await FindResidentAsync(userId))!.Identities.Single(identity => identity.Channel == ChannelKind.Telegram);

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
