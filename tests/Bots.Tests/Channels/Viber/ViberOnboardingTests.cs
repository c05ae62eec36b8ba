using System.Text.Json;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>A resident registers through Viber: the welcome, then keyboard presses and typed answers.</summary>
public sealed class ViberOnboardingTests
{
    private const string UserId = "5Sq0Hj1wUiBSKBd7p4aQkQ==";

    [Fact]
    public async Task Onboarding_ThroughViber_RegistersTheResident()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var alice = new ViberChat(host, viber, UserId);
        using var started = await alice.PostAsync(ViberCallbacks.ConversationStarted(UserId));
        var welcome = JsonDocument.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        var consent = Assert.Single(await alice.PressAsync(welcome.Button(Text("Help_Start"))));
        var askName = Assert.Single(await alice.PressAsync(consent.Button(Text("Onboarding_Agree"))));
        var askCommunity = Assert.Single(await alice.PressAsync(askName.Button("Аліса")));
        var matches = Assert.Single(await alice.SayAsync("Кам"));
        var spheres = Assert.Single(await alice.PressAsync(matches.Button("Кам'янське")));
        var toggled = Assert.Single(await alice.PressAsync(spheres.Buttons()[0]));
        var askPhone = Assert.Single(await alice.PressAsync(toggled.Button(Text("Profile_SpheresDone"))));
        var completed = Assert.Single(await alice.PressAsync(askPhone.Button(Text("Profile_SkipPhone"))));

        Assert.Equal(Text("Onboarding_Consent"), consent.Text());
        Assert.Equal(Text("Profile_AskName"), askName.Text());
        Assert.Equal(Text("Profile_AskCommunity"), askCommunity.Text());
        Assert.Equal(Text("Profile_ChooseCommunity"), matches.Text());
        Assert.Equal(Text("Profile_AskSpheres"), spheres.Text());
        Assert.Single(toggled.Buttons(), b => b.GetProperty("Text").GetString()!.StartsWith('✅'));
        Assert.Equal("share-phone", askPhone.Button(Text("Profile_ShareContact")).GetProperty("ActionType").GetString());
        Assert.Equal(Text("Onboarding_Completed", "Аліса"), completed.Text());
        var resident = await host.Services.GetRequiredService<IResidentStore>()
            .FindByIdentityAsync(new IdentityKey(ChannelKind.Viber, UserId), TestContext.Current.CancellationToken);
        Assert.True(resident!.IsRegistered);
        Assert.Equal(("Аліса", "kamianske"), (resident.Name, resident.CommunityId));
    }

    [Fact]
    public async Task Onboarding_ContactShared_KeptAsUnverifiedPhone()
    {
        await using var viber = await FakeViberApi.StartAsync();
        await using var host = TestHost.Start(viber.Settings());
        var bohdan = new ViberChat(host, viber, UserId, "Богдан");
        await bohdan.SayAsync("/start");
        await bohdan.SayAsync("btn:consent:yes");
        await bohdan.SayAsync("Богдан");
        var matches = Assert.Single(await bohdan.SayAsync("Кам"));
        var spheres = Assert.Single(await bohdan.PressAsync(matches.Buttons()[0]));
        await bohdan.PressAsync(spheres.Buttons()[0]);
        await bohdan.SayAsync("btn:done");

        var completed = Assert.Single(await bohdan.SendAsync(ViberCallbacks.Contact("+380501234567")));

        Assert.Equal(Text("Onboarding_Completed", "Богдан"), completed.Text());
        var resident = await host.Services.GetRequiredService<IResidentStore>()
            .FindByIdentityAsync(new IdentityKey(ChannelKind.Viber, UserId), TestContext.Current.CancellationToken);
        Assert.Equal("+380501234567", resident!.Phone);
        Assert.False(resident.PhoneVerified);
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
