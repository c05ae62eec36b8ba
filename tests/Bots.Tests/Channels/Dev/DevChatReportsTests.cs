using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Dialogs.Reports;
using Hromada.Core.Localization;

namespace Hromada.Bots.Tests.Channels.Dev;

/// <summary>/report through the dev chat's JSON API: the location request reaches the page, a posted location answers it.</summary>
public sealed class DevChatReportsTests
{
    [Fact]
    public async Task Report_LocationRequested_PageGetsTheButtonAndAPostedLocationAnswersIt()
    {
        await using var host = TestHost.Start();
        var alice = new DevChatResident(host, "alice", "Alice");
        await RegisterAsync(alice);
        await alice.SayAsync("/report");
        await alice.PressAsync(ReportDialog.CategoryPrefix + "Greenery");
        await alice.SayAsync("Зламане дерево лежить на тротуарі");

        var askLocation = Assert.Single(await alice.PressAsync(ReportDialog.Done));
        var next = Assert.Single(await alice.SendAsync(new { location = new { latitude = 48.5167, longitude = 34.6167 } }));

        Assert.Equal(Text("Reports_AskLocation"), askLocation.Text);
        Assert.Equal((true, Text("Reports_ShareLocation")), (askLocation.RequestsLocation, askLocation.LocationButtonLabel));
        Assert.False(askLocation.RequestsContact);
        Assert.Equal(Text("Reports_AskAnonymous"), next.Text);
    }

    private static async Task RegisterAsync(DevChatResident resident)
    {
        await resident.SayAsync("/start");
        await resident.PressAsync(OnboardingDialog.Agree);
        await resident.SayAsync("Аліса");
        await resident.PressAsync("community:kamianske");
        await resident.PressAsync("sphere:ecology");
        await resident.PressAsync(ProfileQuestions.Done);
        await resident.PressAsync(ProfileQuestions.Skip);
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
