using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Bots.Tests.Channels.Dev;

/// <summary>How the host's configuration reaches the conversation engine, seen through the dev chat.</summary>
public sealed class DevChatConversationTests
{
    [Fact]
    public async Task Message_IdleLongerThanConfiguredTimeout_DialogExpiresAndStartsOver()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = TestHost.Start(
            services => services.AddSingleton<TimeProvider>(clock), ("Conversations:IdleTimeout", "00:05:00"));
        var alice = new DevChatResident(host, "alice");
        await alice.SayAsync("/start");

        clock.Advance(TimeSpan.FromMinutes(6));
        var replies = await alice.PressAsync(OnboardingDialog.Agree);

        Assert.Equal(Texts.Get(Language.Uk, "Engine_DialogExpired"), replies[0].Text);
    }

    [Fact]
    public async Task Message_IdleShorterThanConfiguredTimeout_DialogContinues()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = TestHost.Start(
            services => services.AddSingleton<TimeProvider>(clock), ("Conversations:IdleTimeout", "00:05:00"));
        var alice = new DevChatResident(host, "alice");
        await alice.SayAsync("/start");

        clock.Advance(TimeSpan.FromMinutes(4));
        var reply = Assert.Single(await alice.PressAsync(OnboardingDialog.Agree));

        Assert.Equal(Texts.Get(Language.Uk, "Profile_AskName"), reply.Text);
    }
}
