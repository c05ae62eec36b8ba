using Hromada.Core.Dialogs.Admin.NewEvent;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

public sealed class NewEventDialogTests : IDisposable
{
    private const string Title = "Громадські слухання щодо бюджету";
    private const string Place = "Міська рада, зала засідань";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task NewEvent_WholeWizard_StoresAnnouncesToSubscribersAndAudits()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("taras", "kamianske"), ("petro", "lviv"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");

        var askTitle = Assert.Single(await bot.SayAsync("mykola", "/newevent"));
        var askType = Assert.Single(await bot.SayAsync("mykola", Title));
        var askStart = Assert.Single(await bot.PressAsync("mykola", NewEventDialog.TypePrefix + EventType.PublicHearing));
        var askPlace = Assert.Single(await bot.SayAsync("mykola", "01.12.2026 18:00"));
        var askSpheres = Assert.Single(await bot.SayAsync("mykola", Place));
        await bot.PressAsync("mykola", "sphere:ecology");
        var askCommunity = Assert.Single(await bot.PressAsync("mykola", ProfileQuestions.Done));
        var preview = Assert.Single(await bot.PressAsync("mykola", "community:kamianske"));
        var published = Assert.Single(await bot.PressAsync("mykola", "confirm"));

        Assert.Equal(Text("NewEvent_AskTitle"), askTitle.Text);
        Assert.Equal(Text("NewEvent_AskType"), askType.Text);
        Assert.Equal(6, askType.AllButtons().Count());
        Assert.Equal(Text("NewEvent_AskStart", "30.11.2026 11:00"), askStart.Text);
        Assert.Equal(Text("NewEvent_AskPlace"), askPlace.Text);
        Assert.Equal(Text("NewEvent_AskSpheres"), askSpheres.Text);
        Assert.Equal(["community:kamianske"], askCommunity.AllButtons().Select(button => button.Data));
        var civicEvent = Assert.Single(await bot.Services<IEventStore>().ListUpcomingAsync(["kamianske"], _time.GetUtcNow(), 10, CancellationToken.None));
        Assert.Equal(
            Text("NewEvent_Preview", EventMessages.Card(Language.Uk, civicEvent with { Id = "" }), Text("Sphere_ecology"), "Кам'янське"),
            preview.Text);
        Assert.Equal(Text("NewEvent_Published", 1), published.Text);
        Assert.Equal(
            (EventType.PublicHearing, Title, new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero), Place, await bot.IdOfAsync("mykola")),
            (civicEvent.Type, civicEvent.Title, civicEvent.StartsAt, civicEvent.Place, civicEvent.CreatedBy));
        Assert.Equal(["ecology"], civicEvent.Spheres);
        Assert.Equal(EventMessages.Announcement(Language.Uk, civicEvent).Text, Assert.Single(await bot.NewRepliesAsync("taras")).Text);
        Assert.Empty(await bot.NewRepliesAsync("petro"));
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.EventCreated, $"event:{civicEvent.Id}", "kamianske"), (audited.Action, audited.Target, audited.CommunityId));
        Assert.Contains(Title, audited.After);
    }

    [Fact]
    public async Task NewEvent_InvalidInputAtEachStep_RepromptsWithTheReasonAndStays()
    {
        await using var bot = await StartAsync(("mykola", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await bot.SayAsync("mykola", "/newevent");

        var shortTitle = Assert.Single(await bot.SayAsync("mykola", "Слух"));
        await bot.SayAsync("mykola", Title);
        var typedType = Assert.Single(await bot.SayAsync("mykola", "слухання"));
        await bot.PressAsync("mykola", NewEventDialog.TypePrefix + EventType.Training);
        var unreadable = Assert.Single(await bot.SayAsync("mykola", "завтра о шостій"));
        var past = Assert.Single(await bot.SayAsync("mykola", "22.11.2026 18:00"));
        await bot.SayAsync("mykola", "01.12.2026 18:00");
        var shortPlace = Assert.Single(await bot.SayAsync("mykola", "ЦО"));
        await bot.SayAsync("mykola", Place);
        var noSphere = Assert.Single(await bot.PressAsync("mykola", ProfileQuestions.Done));
        await bot.PressAsync("mykola", "sphere:ecology");
        await bot.PressAsync("mykola", ProfileQuestions.Done);
        var notYours = Assert.Single(await bot.PressAsync("mykola", "community:lviv"));

        Assert.StartsWith($"{Text("Problem_EventTitleLength")}\n\n{Text("NewEvent_AskTitle")}", shortTitle.Text);
        Assert.StartsWith($"{Text("Problem_UnexpectedInput")}\n\n{Text("NewEvent_AskType")}", typedType.Text);
        Assert.StartsWith(Text("Problem_EventTimeFormat"), unreadable.Text);
        Assert.StartsWith(Text("Problem_EventTimeInPast"), past.Text);
        Assert.StartsWith(Text("Problem_EventPlaceLength"), shortPlace.Text);
        Assert.StartsWith($"{Text("Problem_NoSphere")}\n\n{Text("NewEvent_AskSpheres")}", noSphere.Text);
        Assert.StartsWith(Text("Problem_CommunityNotYours"), notYours.Text);
        Assert.Equal(nameof(NewEventState.AwaitingCommunity), (await bot.SessionAsync("mykola"))!.State);
        Assert.Empty(await bot.Services<IEventStore>().ListUpcomingAsync(["kamianske", "lviv"], _time.GetUtcNow(), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_AtThePreview_StoresAndAnnouncesNothing()
    {
        await using var bot = await StartAsync((SuperAdmin, "kamianske"), ("taras", "kamianske"));
        await bot.SayAsync(SuperAdmin, "/newevent");
        await bot.SayAsync(SuperAdmin, Title);
        await bot.PressAsync(SuperAdmin, NewEventDialog.TypePrefix + EventType.Action);
        await bot.SayAsync(SuperAdmin, "01.12.2026 18:00");
        await bot.SayAsync(SuperAdmin, Place);
        await bot.PressAsync(SuperAdmin, "sphere:ecology");
        await bot.PressAsync(SuperAdmin, ProfileQuestions.Done);
        await bot.PressAsync(SuperAdmin, "community:kamianske");

        await bot.SayAsync(SuperAdmin, "/cancel");

        Assert.Null((await bot.SessionAsync(SuperAdmin))!.Dialog);
        Assert.Empty(await bot.Services<IEventStore>().ListUpcomingAsync(["kamianske"], _time.GetUtcNow(), 10, CancellationToken.None));
        Assert.Empty(await bot.NewRepliesAsync("taras"));
        Assert.Empty(await bot.AuditAsync());
    }

    [Fact]
    public async Task NewEvent_NotAModerator_RefusedAndAudited()
    {
        await using var bot = await StartAsync(("taras", "kamianske"));

        var reply = Assert.Single(await bot.SayAsync("taras", "/newevent"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        var refused = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, "command:/newevent"), (refused.Action, refused.Target));
    }

    [Fact]
    public async Task NewEvent_RoleRevokedBeforePublish_RefusedNothingStoredAndAudited()
    {
        await using var bot = await StartAsync(("mykola", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await bot.SayAsync("mykola", "/newevent");
        await bot.SayAsync("mykola", Title);
        await bot.PressAsync("mykola", NewEventDialog.TypePrefix + EventType.Consultation);
        await bot.SayAsync("mykola", "01.12.2026 18:00");
        await bot.SayAsync("mykola", Place);
        await bot.PressAsync("mykola", "sphere:ecology");
        await bot.PressAsync("mykola", ProfileQuestions.Done);
        await bot.PressAsync("mykola", "community:kamianske");
        await bot.Services<IRoleStore>().DeleteAsync(await bot.IdOfAsync("mykola"), "kamianske", CancellationToken.None);

        var reply = Assert.Single(await bot.PressAsync("mykola", "confirm"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Empty(await bot.Services<IEventStore>().ListUpcomingAsync(["kamianske"], _time.GetUtcNow(), 10, CancellationToken.None));
        Assert.Equal("command:/newevent", Assert.Single(await bot.AuditAsync()).Target);
    }

    [Fact]
    public async Task PublishAsync_ModeratorOfAnotherCommunity_RefusedNothingStoredAndAudited()
    {
        await using var bot = await StartAsync(("mykola", "lviv"));
        await bot.GrantAsync("mykola", Role.Moderator, "lviv");
        var mykola = (await bot.ResidentAsync("mykola"))!;
        var scope = await bot.Services<ModerationAccess>().ScopeOfAsync(mykola, CancellationToken.None);
        var civicEvent = new CivicEvent
        {
            Id = "hearing", CommunityId = "kamianske", Type = EventType.PublicHearing, Title = Title,
            StartsAt = _time.GetUtcNow().AddDays(3), Place = Place, CreatedBy = mykola.Id,
        };

        var published = await bot.Services<EventPublishing>().PublishAsync(scope, civicEvent, CancellationToken.None);

        Assert.Equal(new EventPublished(ModerationOutcome.Refused, 0), published);
        Assert.Null(await bot.Services<IEventStore>().GetAsync("hearing", CancellationToken.None));
        var refused = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, $"command:{EventPublishing.CreateAttempt}", "kamianske"), (refused.Action, refused.Target, refused.CommunityId));
    }

    private async Task<EngineHarness> StartAsync(params (string User, string Community)[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var (user, community) in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, user == "taras" ? "Тарас" : "Олена", community);
            await bot.NewRepliesAsync(user);
        }

        return bot;
    }
}
