using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Residents;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs;

public sealed class OnboardingDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Onboarding_AllStepsAnswered_RegistersResidentAndShowsMenu()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);

        var consent = await bot.SayAsync("olena", "/start");
        await bot.PressAsync("olena", OnboardingDialog.Agree);
        await bot.SayAsync("olena", "Олена Петрівна");
        var found = await bot.SayAsync("olena", "кам'ян");
        await bot.PressAsync("olena", "community:kamianske");
        await bot.PressAsync("olena", "sphere:ecology");
        await bot.PressAsync("olena", "sphere:transport");
        await bot.PressAsync("olena", ProfileQuestions.Done);
        var done = await bot.PressAsync("olena", ProfileQuestions.Skip);

        Assert.Equal(Text("Onboarding_Consent"), Assert.Single(consent).Text);
        Assert.Contains(Assert.Single(found).Buttons.SelectMany(row => row), button => button.Data == "community:kamianske");
        Assert.StartsWith(Text("Onboarding_Completed", "Олена Петрівна"), Assert.Single(done).Text);
        Assert.Contains(done[0].Buttons.SelectMany(row => row), button => button.Data == "/profile");
        var resident = await bot.ResidentAsync("olena");
        Assert.NotNull(resident);
        Assert.True(resident.IsRegistered);
        Assert.Equal("Олена Петрівна", resident.Name);
        Assert.Equal("kamianske", resident.CommunityId);
        Assert.Equal(["ecology", "transport"], resident.Spheres);
        Assert.Equal(_time.GetUtcNow(), resident.ConsentedAt);
        Assert.Null(resident.Phone);
        Assert.Equal(ResidentStatus.Registered, resident.Status);
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Theory]
    [InlineData("", "Problem_NameEmpty")]
    [InlineData("О", "Problem_NameLength")]
    [InlineData("R2-D2", "Problem_NameCharacters")]
    public async Task TextReceived_InvalidName_RepromptsWithReasonAndStays(string name, string problem)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await bot.SayAsync("taras", "/start");
        await bot.PressAsync("taras", OnboardingDialog.Agree);

        var replies = await bot.SendAsync(Message("taras", text: name));

        Assert.Equal($"{Text(problem)}\n\n{Text("Profile_AskName")}", Assert.Single(replies).Text);
        Assert.Equal(nameof(OnboardingState.AwaitingName), (await bot.SessionAsync("taras"))!.State);
    }

    [Fact]
    public async Task OptionChosen_PlatformNameButton_TakesDisplayName()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await bot.SayAsync("oksana", "/start");
        var askName = await bot.PressAsync("oksana", OnboardingDialog.Agree);

        await bot.PressAsync("oksana", ProfileQuestions.UseDisplayName);

        Assert.Equal(ProfileQuestions.UseDisplayName, Assert.Single(askName[0].Buttons.SelectMany(row => row)).Data);
        var session = await bot.SessionAsync("oksana");
        Assert.Equal(nameof(OnboardingState.AwaitingCommunity), session!.State);
        Assert.Equal("Оксана", session.Data["name"]);
    }

    [Fact]
    public async Task TextReceived_UnknownCommunity_SaysNotFoundAndStays()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await ReachCommunityStepAsync(bot, "ivan");

        var replies = await bot.SayAsync("ivan", "Атлантида");

        Assert.StartsWith(Text("Problem_CommunityNotFound"), Assert.Single(replies).Text);
        Assert.Equal(nameof(OnboardingState.AwaitingCommunity), (await bot.SessionAsync("ivan"))!.State);
    }

    [Fact]
    public async Task OptionChosen_DoneWithoutSphere_RepromptsAndStays()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await ReachCommunityStepAsync(bot, "ivan");
        await bot.PressAsync("ivan", "community:ukraine");

        var replies = await bot.PressAsync("ivan", ProfileQuestions.Done);

        Assert.StartsWith(Text("Problem_NoSphere"), Assert.Single(replies).Text);
        Assert.Equal(nameof(OnboardingState.AwaitingSpheres), (await bot.SessionAsync("ivan"))!.State);
    }

    [Fact]
    public async Task OptionChosen_SphereTwice_UnselectsIt()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await ReachCommunityStepAsync(bot, "ivan");
        await bot.PressAsync("ivan", "community:ukraine");

        var selected = await bot.PressAsync("ivan", "sphere:it");
        var unselected = await bot.PressAsync("ivan", "sphere:it");

        Assert.Contains(selected[0].Buttons.SelectMany(row => row), button => button.Data == "sphere:it" && button.Label.StartsWith('✅'));
        Assert.DoesNotContain(unselected[0].Buttons.SelectMany(row => row), button => button.Label.StartsWith('✅'));
    }

    [Fact]
    public async Task ContactReceived_SomebodyElsesContact_RefusedAndStays()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await ReachPhoneStepAsync(bot, "ivan");

        var replies = await bot.SendAsync(Message("ivan") with { Contact = new SharedContact("+380501112233", ContactOwnership.SomebodyElses) });

        Assert.StartsWith(Text("Problem_PhoneNotOwn"), Assert.Single(replies).Text);
        Assert.True(Assert.Single(replies).RequestsContact);
        Assert.Null(await bot.ResidentAsync("ivan"));
    }

    [Fact]
    public async Task ContactReceived_OwnContact_RegistersVerifiedPhone()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await ReachPhoneStepAsync(bot, "ivan");

        await bot.SendAsync(Message("ivan") with { Contact = new SharedContact("+380501112233", ContactOwnership.SendersOwn) });

        var resident = await bot.ResidentAsync("ivan");
        Assert.Equal("+380501112233", resident!.Phone);
        Assert.True(resident.PhoneVerified);
    }

    [Fact]
    public async Task ContactReceived_PhoneVerifiedInOtherApp_OffersJoinAndJoins()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await RegisterWithPhoneAsync(bot, "olena", ChannelKind.Dev);
        await ReachPhoneStepAsync(bot, "777", ChannelKind.Telegram);

        var offer = await bot.SendAsync(OwnContact("777", ChannelKind.Telegram));
        var joined = await bot.SendAsync(Message("777", button: OnboardingDialog.Join, channel: ChannelKind.Telegram));

        Assert.Equal(Text("Onboarding_PhoneKnown", "Іван"), Assert.Single(offer).Text);
        Assert.Equal(Text("Link_Joined", "Іван"), Assert.Single(joined).Text);
        var resident = await bot.ResidentAsync("777", ChannelKind.Telegram);
        Assert.Equal((await bot.ResidentAsync("olena"))!.Id, resident!.Id);
        Assert.Equal(2, resident.Identities.Count);
    }

    [Fact]
    public async Task OptionChosen_SeparateFromKnownPhone_RegistersOwnResident()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await RegisterWithPhoneAsync(bot, "olena", ChannelKind.Dev);
        await ReachPhoneStepAsync(bot, "777", ChannelKind.Telegram);
        await bot.SendAsync(OwnContact("777", ChannelKind.Telegram));

        await bot.SendAsync(Message("777", button: OnboardingDialog.Separate, channel: ChannelKind.Telegram));

        var own = await bot.ResidentAsync("777", ChannelKind.Telegram);
        Assert.NotEqual((await bot.ResidentAsync("olena"))!.Id, own!.Id);
        Assert.True(own.IsRegistered);
        Assert.Single(own.Identities);
    }

    [Fact]
    public async Task ContactReceived_OwnershipUnproven_KeptAsUnverifiedPhone()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await ReachPhoneStepAsync(bot, "ivan");

        await bot.SendAsync(Message("ivan") with { Contact = new SharedContact("+380501112233", ContactOwnership.Unproven) });

        var resident = await bot.ResidentAsync("ivan");
        Assert.Equal("+380501112233", resident!.Phone);
        Assert.False(resident.PhoneVerified);
    }

    [Fact]
    public async Task OptionChosen_Decline_EndsWithoutResident()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await bot.SayAsync("petro", "/start");

        var replies = await bot.PressAsync("petro", OnboardingDialog.Decline);

        Assert.Equal(Text("Onboarding_Declined"), Assert.Single(replies).Text);
        Assert.Null(await bot.ResidentAsync("petro"));
        Assert.Null((await bot.SessionAsync("petro"))!.Dialog);
    }

    [Fact]
    public async Task Start_ReturningResident_GreetsByNameWithMenu()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardAsync(bot, "olena", "Олена");

        var replies = await bot.SayAsync("olena", "/start");

        Assert.Equal(Text("Onboarding_WelcomeBack", "Олена"), Assert.Single(replies).Text);
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task Onboarding_HostRestartsAfterName_ContinuesWhereItWas()
    {
        await using (var before = await EngineHarness.StartAsync(_database.Path, _time))
        {
            await before.SayAsync("olena", "/start");
            await before.PressAsync("olena", OnboardingDialog.Agree);
            await before.SayAsync("olena", "Олена");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync("olena"); // the replies sent before the restart
        var replies = await after.PressAsync("olena", "community:ukraine");

        Assert.Equal(Text("Profile_AskSpheres"), Assert.Single(replies).Text);
        var session = await after.SessionAsync("olena");
        Assert.Equal(nameof(OnboardingState.AwaitingSpheres), session!.State);
        Assert.Equal("Олена", session.Data["name"]);
    }

    [Fact]
    public async Task Command_BeforeRegistration_StartsOnboardingInstead()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);

        var replies = await bot.SayAsync("stranger", "/profile");

        Assert.Equal(Text("Onboarding_Consent"), Assert.Single(replies).Text);
    }

    internal static async Task OnboardAsync(EngineHarness bot, string user, string name, string community = "kamianske")
    {
        await bot.SayAsync(user, "/start");
        await bot.PressAsync(user, OnboardingDialog.Agree);
        await bot.SayAsync(user, name);
        await bot.PressAsync(user, $"community:{community}");
        await bot.PressAsync(user, "sphere:ecology");
        await bot.PressAsync(user, ProfileQuestions.Done);
        await bot.PressAsync(user, ProfileQuestions.Skip);
    }

    private static async Task ReachCommunityStepAsync(EngineHarness bot, string user, ChannelKind channel = ChannelKind.Dev)
    {
        await bot.SendAsync(Message(user, "/start", channel: channel));
        await bot.SendAsync(Message(user, button: OnboardingDialog.Agree, channel: channel));
        await bot.SendAsync(Message(user, "Іван", channel: channel));
    }

    private static async Task ReachPhoneStepAsync(EngineHarness bot, string user, ChannelKind channel = ChannelKind.Dev)
    {
        await ReachCommunityStepAsync(bot, user, channel);
        foreach (var button in (string[])["community:ukraine", "sphere:youth", ProfileQuestions.Done])
        {
            await bot.SendAsync(Message(user, button: button, channel: channel));
        }
    }

    private static async Task RegisterWithPhoneAsync(EngineHarness bot, string user, ChannelKind channel)
    {
        await ReachPhoneStepAsync(bot, user, channel);
        await bot.SendAsync(OwnContact(user, channel));
    }

    private static InboundMessage OwnContact(string user, ChannelKind channel) =>
        Message(user, channel: channel) with { Contact = new SharedContact("+380501112233", ContactOwnership.SendersOwn) };
}
