using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Bots.Tests.Channels.Dev;

/// <summary>Polls end to end through the dev chat's JSON API: an admin opens one (the one-message form, then the wizard's steps), residents answer it.</summary>
public sealed class DevChatPollsTests
{
    private const string Question = "Чи потрібен у Кам'янському нічний автобус?";

    [Fact]
    public async Task Polls_AdminPublishesResidentsVote_TotalsOnlyAfterOwnVoteAndNeverAnotherResidentsAnswer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var host = TestHost.Start(services => services.AddSingleton<TimeProvider>(clock), ("Admin:SuperAdmins:0", "dev:admin"));
        var admin = new DevChatResident(host, "admin", "Admin");
        var alice = new DevChatResident(host, "alice", "Alice");
        var bohdan = new DevChatResident(host, "bohdan", "Bohdan");
        await RegisterAsync(admin, "Адміністратор");
        await RegisterAsync(alice, "Аліса");
        await RegisterAsync(bohdan, "Богдан");

        var type = Assert.Single(await admin.SayAsync($"/newpoll {Question}\nТак\nНі"));
        await admin.PressAsync(type.Button(b => b.Data == NewPollDialog.SingleChoice).Data);
        await admin.PressAsync(NewPollDialog.Current);
        await admin.PressAsync("sphere:transport");
        await admin.PressAsync("community:kamianske");
        var preview = Assert.Single(await admin.PressAsync("closes:7"));
        var published = Assert.Single(await admin.PressAsync(preview.Button(b => b.Data == "confirm").Data));
        var aliceList = Assert.Single(await alice.SayAsync("/polls"));
        var aliceQuestion = Assert.Single(await alice.PressAsync(aliceList.AllButtons.Single().Data));
        var aliceVoted = Assert.Single(await alice.PressAsync(aliceQuestion.Button(b => b.Label == "Так").Data));
        await bohdan.SayAsync("/polls");
        var bohdanQuestion = Assert.Single(await bohdan.PressAsync(aliceList.AllButtons.Single().Data));
        var bohdanVoted = Assert.Single(await bohdan.PressAsync(bohdanQuestion.Button(b => b.Label == "Ні").Data));

        Assert.Equal(
            Text("NewPoll_Preview", Question, "1. Так\n2. Ні", Text("NewPoll_TypeSingle"), Text("NewPoll_KindCurrent"), Text("Sphere_transport"), "Кам'янське", "30.11.2026 11:00"),
            preview.Text);
        Assert.Equal(Text("NewPoll_Published", "30.11.2026 11:00"), published.Text);
        Assert.StartsWith(Question, aliceQuestion.Text);
        Assert.DoesNotContain("%", aliceQuestion.Text);
        Assert.DoesNotContain("%", bohdanQuestion.Text);
        Assert.Contains(Text("Polls_YourAnswer", "Так"), aliceVoted.Text);
        Assert.Contains("Так\n██████████ 100% (1)", aliceVoted.Text);
        Assert.Contains(Text("Polls_YourAnswer", "Ні"), bohdanVoted.Text);
        Assert.Contains(Text("Polls_Results", 2), bohdanVoted.Text);
        Assert.Contains("Так\n█████░░░░░ 50% (1)", bohdanVoted.Text);
        Assert.Contains("Ні\n█████░░░░░ 50% (1)", bohdanVoted.Text);
        Assert.DoesNotContain("Аліса", bohdanVoted.Text);
        Assert.DoesNotContain("alice", bohdanVoted.Text);
        Assert.DoesNotContain(await bohdan.ListRepliesAsync(), reply => reply.Text.Contains(Text("Polls_YourAnswer", "Так"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewPoll_NeitherSuperAdminNorModerator_RefusedPolitely()
    {
        await using var host = TestHost.Start(("Admin:SuperAdmins:0", "telegram:123456789"));
        var alice = new DevChatResident(host, "alice", "Alice");
        await RegisterAsync(alice, "Аліса");

        var reply = Assert.Single(await alice.SayAsync($"/newpoll {Question}\nТак\nНі"));

        Assert.Equal(Text("NewPoll_NotAllowed"), reply.Text);
    }

    private static async Task RegisterAsync(DevChatResident resident, string name)
    {
        await resident.SayAsync("/start");
        await resident.PressAsync(OnboardingDialog.Agree);
        await resident.SayAsync(name);
        await resident.PressAsync("community:kamianske");
        await resident.PressAsync("sphere:transport");
        await resident.PressAsync(ProfileQuestions.Done);
        await resident.PressAsync(ProfileQuestions.Skip);
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
