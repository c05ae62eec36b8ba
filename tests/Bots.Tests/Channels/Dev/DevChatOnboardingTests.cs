using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Localization;

namespace Hromada.Bots.Tests.Channels.Dev;

/// <summary>Onboarding end to end through the dev chat's JSON API, across host restarts on one LiteDB file.</summary>
public sealed class DevChatOnboardingTests
{
    [Fact]
    public async Task Onboarding_HostRestartedAfterName_ContinuesAndRemembersResident()
    {
        await using var host = TestHost.Start();
        var alice = new DevChatResident(host, "alice");

        var consent = Assert.Single(await alice.SayAsync("/start"));
        var afterConsent = Assert.Single(await alice.PressAsync(consent.Button(b => b.Data == OnboardingDialog.Agree).Data));
        var afterName = Assert.Single(await alice.SayAsync("Аліса"));
        await host.RestartAsync();
        var matches = Assert.Single(await alice.SayAsync("Кам"));
        var kamianske = matches.Button(b => b.Label == "Кам'янське");
        var spheres = Assert.Single(await alice.PressAsync(kamianske.Data));
        var sphereButtons = spheres.AllButtons.Where(b => b.Data.StartsWith(ProfileQuestions.SpherePrefix, StringComparison.Ordinal)).Take(2).ToList();
        var firstToggled = Assert.Single(await alice.PressAsync(sphereButtons[0].Data));
        var secondToggled = Assert.Single(await alice.PressAsync(sphereButtons[1].Data));
        var phone = Assert.Single(await alice.PressAsync(ProfileQuestions.Done));
        var completed = Assert.Single(await alice.PressAsync(phone.Button(b => b.Data == ProfileQuestions.Skip).Data));
        await host.RestartAsync();
        var welcomeBack = Assert.Single(await alice.SayAsync("/start"));

        Assert.Equal(Text("Profile_AskName"), afterConsent.Text);
        Assert.Equal(Text("Profile_AskCommunity"), afterName.Text);
        Assert.Equal(Text("Profile_ChooseCommunity"), matches.Text);
        Assert.Equal(Text("Profile_AskSpheres"), spheres.Text);
        Assert.Single(firstToggled.AllButtons, b => b.Label.StartsWith('✅'));
        Assert.Equal(2, secondToggled.AllButtons.Count(b => b.Label.StartsWith('✅')));
        Assert.True(phone.RequestsContact);
        Assert.Equal(Text("Onboarding_Completed", "Аліса"), completed.Text);
        Assert.Equal(Text("Onboarding_WelcomeBack", "Аліса"), welcomeBack.Text);
        Assert.Contains(welcomeBack.AllButtons, b => b.Data == "/profile");
    }

    [Fact]
    public async Task Onboarding_OwnContactShared_CompletesRegistration()
    {
        await using var host = TestHost.Start();
        var bohdan = new DevChatResident(host, "bohdan", "Bohdan");
        await RegisterUpToPhoneAsync(bohdan);

        var completed = Assert.Single(await bohdan.SendAsync(new { contact = new { phoneNumber = "+380501234567" } }));

        Assert.Equal(Text("Onboarding_Completed", "Богдан"), completed.Text);
    }

    private static async Task RegisterUpToPhoneAsync(DevChatResident resident)
    {
        await resident.SayAsync("/start");
        await resident.PressAsync(OnboardingDialog.Agree);
        await resident.SayAsync("Богдан");
        var matches = Assert.Single(await resident.SayAsync("Кам"));
        var spheres = Assert.Single(await resident.PressAsync(matches.AllButtons.First().Data));
        await resident.PressAsync(spheres.AllButtons.First().Data);
        await resident.PressAsync(ProfileQuestions.Done);
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
