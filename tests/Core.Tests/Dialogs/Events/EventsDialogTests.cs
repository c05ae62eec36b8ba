using System.Text;
using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Events;
using Hromada.Core.Events;
using Hromada.Core.Subscriptions;
using Hromada.Core.Tests.Dialogs.Polls;
using Ical.Net;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Events;

public sealed class EventsDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public async Task Events_NoneUpcoming_SaysSoAndLeavesTheDialog()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "lviv", "lviv"));

        var reply = Assert.Single(await bot.SayAsync("olena", "/events"));

        Assert.Equal(Text("Events_None"), reply.Text);
        Assert.Contains(reply.AllButtons(), button => button.Data == "/subscribe");
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task Events_SeveralStored_ListsUpcomingOnesOfTheSubscriptionAndNationalLevelSoonestFirst()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "later") with { StartsAt = Now.AddDays(5), EndsAt = null });
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "national", Community.NationalId) with { StartsAt = Now.AddDays(2), EndsAt = null });
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "sooner"));
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "lviv", "lviv"));
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "cancelled") with { Cancelled = true });
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "past") with { StartsAt = Now.AddHours(-2), EndsAt = null });

        var reply = Assert.Single(await bot.SayAsync("olena", "/events"));

        Assert.Equal(Text("Events_List"), reply.Text);
        Assert.Equal(
            ["event:sooner", "event:national", "event:later", "/subscribe", "/menu"],
            reply.AllButtons().Select(button => button.Data));
        Assert.StartsWith("24.11.2026 18:00–20:00 · ", reply.Buttons[0][0].Label, StringComparison.Ordinal);
        Assert.Equal(nameof(EventsState.AwaitingEvent), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Events_SubscriptionFollowsAnotherCommunity_ListsItsEventsInstead()
    {
        await using var bot = await RegisteredAsync("olena");
        var resident = (await bot.ResidentAsync("olena"))!;
        resident.Subscription = new Subscription { Spheres = ["ecology"], Communities = ["lviv"] };
        await bot.Residents.SaveAsync(resident, CancellationToken.None);
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "home"));
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "lviv", "lviv"));

        var reply = Assert.Single(await bot.SayAsync("olena", "/events"));

        Assert.Equal(["event:lviv", "/subscribe", "/menu"], reply.AllButtons().Select(button => button.Data));
    }

    [Fact]
    public async Task OptionChosen_Event_ShowsTypeTitleKyivTimePlaceAndGoingCount()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await bot.SayAsync("olena", "/events");

        var reply = Assert.Single(await bot.PressAsync("olena", "event:e1"));

        var card = Text("Events_Card", "Громадські слухання", EventFixtures.Title, "24.11.2026 18:00–20:00", EventFixtures.Place);
        Assert.Equal($"{card}\n\nОбговорення проєкту благоустрою.\n\n{Text("Events_GoingCount", 0)}", reply.Text);
        Assert.Equal(
            [EventsDialog.GoingPrefix + "e1", EventsDialog.NotGoingPrefix + "e1", EventsDialog.CalendarPrefix + "e1", EventsDialog.Back],
            reply.AllButtons().Select(button => button.Data));
        Assert.Equal(nameof(EventsState.AwaitingAnswer), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_Going_StoresTheAnswerAndShowsTheNewCount()
    {
        await using var bot = await RegisteredAsync("olena", "taras");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await AnswerAsync(bot, "taras", EventsDialog.GoingPrefix);
        await OpenAsync(bot, "olena");

        var reply = Assert.Single(await bot.PressAsync("olena", EventsDialog.GoingPrefix + "e1"));

        Assert.Contains(Text("Events_GoingCount", 2), reply.Text);
        Assert.EndsWith(Text("Events_YouGo"), reply.Text);
        Assert.Equal("✅ " + Text("Events_Going"), reply.Buttons[0][0].Label);
        Assert.Equal((RsvpAnswer.Going, Now), ((await bot.RsvpAsync("e1", "olena"))!.Answer, (await bot.RsvpAsync("e1", "olena"))!.AnsweredAt));
        Assert.Equal(nameof(EventsState.AwaitingAnswer), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_NotGoingAfterGoing_ChangesTheAnswerAndTheCount()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await AnswerAsync(bot, "olena", EventsDialog.GoingPrefix);

        var reply = Assert.Single(await bot.PressAsync("olena", EventsDialog.NotGoingPrefix + "e1"));

        Assert.Contains(Text("Events_GoingCount", 0), reply.Text);
        Assert.EndsWith(Text("Events_YouDoNotGo"), reply.Text);
        Assert.Equal(RsvpAnswer.NotGoing, (await bot.RsvpAsync("e1", "olena"))!.Answer);
        Assert.Equal(0, await bot.GoingAsync("e1"));
    }

    [Fact]
    public async Task OptionChosen_GoingPressedManyTimesAtOnce_StoresOneAnswer()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await OpenAsync(bot, "olena");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            bot.Worker.AcceptAsync(Message("olena", button: EventsDialog.GoingPrefix + "e1"), CancellationToken.None)));
        await bot.WaitUntilHandledAsync();

        Assert.Equal(1, await bot.GoingAsync("e1"));
        Assert.Single(await bot.Services<IRsvpStore>().ListByResidentAsync((await bot.ResidentAsync("olena"))!.Id, CancellationToken.None));
    }

    [Fact]
    public async Task OptionChosen_AddToCalendar_SendsTheIcsFileAndStaysOnTheEvent()
    {
        await using var bot = await RegisteredAsync("olena");
        var civicEvent = await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await OpenAsync(bot, "olena");

        var reply = Assert.Single(await bot.PressAsync("olena", EventsDialog.CalendarPrefix + "e1"));

        Assert.Equal(Text("Events_CalendarFile"), reply.Text);
        Assert.Equal(("event.ics", "text/calendar"), (reply.Document!.FileName, reply.Document.ContentType));
        var entry = Calendar.Load(Encoding.UTF8.GetString(reply.Document.Content))!.Events.Single();
        Assert.Equal(EventCalendarFile.Uid(civicEvent), entry.Uid);
        Assert.Equal(civicEvent.StartsAt.UtcDateTime, entry.DtStart!.AsUtc);
        Assert.Equal(nameof(EventsState.AwaitingAnswer), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_Back_ShowsTheListAgain()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await OpenAsync(bot, "olena");

        var reply = Assert.Single(await bot.PressAsync("olena", EventsDialog.Back));

        Assert.Equal(Text("Events_List"), reply.Text);
        Assert.Equal(nameof(EventsState.AwaitingEvent), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task UnexpectedInput_AtEitherStep_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await bot.SayAsync("olena", "/events");

        var typedAtList = Assert.Single(await bot.SayAsync("olena", "Піду"));
        var unknownEvent = Assert.Single(await bot.PressAsync("olena", "event:e404"));
        await bot.PressAsync("olena", "event:e1");
        var typedAtEvent = Assert.Single(await bot.SayAsync("olena", "Піду"));
        var foreignButton = Assert.Single(await bot.PressAsync("olena", "option:1"));

        Assert.StartsWith(Text("Problem_UnexpectedInput") + "\n\n" + Text("Events_List"), typedAtList.Text, StringComparison.Ordinal);
        Assert.StartsWith(Text("Problem_EventUnavailable") + "\n\n" + Text("Events_List"), unknownEvent.Text, StringComparison.Ordinal);
        Assert.StartsWith(Text("Problem_UnexpectedInput") + "\n\n", typedAtEvent.Text, StringComparison.Ordinal);
        Assert.Contains(EventFixtures.Title, typedAtEvent.Text);
        Assert.StartsWith(Text("Problem_UnexpectedInput") + "\n\n", foreignButton.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(EventsState.AwaitingAnswer), (await bot.SessionAsync("olena"))!.State);
        Assert.Null(await bot.RsvpAsync("e1", "olena"));
    }

    [Fact]
    public async Task OptionChosen_GoingAfterTheEventBegan_RefusedAndNothingStored()
    {
        await using var bot = await RegisteredAsync("olena");
        var civicEvent = await bot.SeedAsync(EventFixtures.Upcoming(Now) with { StartsAt = Now.AddHours(1), EndsAt = null });
        await OpenAsync(bot, "olena");
        _time.SetUtcNow(civicEvent.StartsAt.AddMinutes(1));

        var reply = Assert.Single(await bot.PressAsync("olena", EventsDialog.GoingPrefix + "e1"));

        Assert.StartsWith(Text("Problem_EventBegun"), reply.Text, StringComparison.Ordinal);
        Assert.Contains(Text("Events_Begun"), reply.Text);
        Assert.DoesNotContain(reply.AllButtons(), button => button.Data.StartsWith(EventsDialog.GoingPrefix, StringComparison.Ordinal));
        Assert.Null(await bot.RsvpAsync("e1", "olena"));
    }

    [Fact]
    public async Task OptionChosen_EventCancelledMeanwhile_SaysSoAndStoresNothing()
    {
        await using var bot = await RegisteredAsync("olena");
        var civicEvent = await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await OpenAsync(bot, "olena");
        await bot.SeedAsync(civicEvent with { Cancelled = true });

        var reply = Assert.Single(await bot.PressAsync("olena", EventsDialog.GoingPrefix + "e1"));

        Assert.StartsWith(Text("Events_Cancelled"), reply.Text, StringComparison.Ordinal);
        Assert.Equal([EventsDialog.CalendarPrefix + "e1", EventsDialog.Back], reply.AllButtons().Select(button => button.Data));
        Assert.Null(await bot.RsvpAsync("e1", "olena"));
    }

    [Fact]
    public async Task OptionChosen_ButtonOfAnotherEventsCard_AnswersAboutThatEvent()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "e2") with { Title = "Сесія ради", Type = EventType.CouncilSession });
        await OpenAsync(bot, "olena");

        var reply = Assert.Single(await bot.PressAsync("olena", EventsDialog.GoingPrefix + "e2"));

        Assert.Contains("Сесія ради", reply.Text);
        Assert.Null(await bot.RsvpAsync("e1", "olena"));
        Assert.Equal(RsvpAnswer.Going, (await bot.RsvpAsync("e2", "olena"))?.Answer);
    }

    [Fact]
    public async Task Command_WithEventId_OpensThatEventAtOnce()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now, "lviv-event", "lviv"));

        var reply = Assert.Single(await bot.PressAsync("olena", "/events lviv-event"));

        Assert.Contains(EventFixtures.Title, reply.Text);
        Assert.Equal(nameof(EventsState.AwaitingAnswer), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Command_WithUnknownEventId_SaysUnavailableAndLists()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));

        var reply = Assert.Single(await bot.SayAsync("olena", "/events e404"));

        Assert.StartsWith(Text("Problem_EventUnavailable") + "\n\n" + Text("Events_List"), reply.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(EventsState.AwaitingEvent), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Cancel_WhileOnAnEvent_LeavesTheDialogAndKeepsTheAnswer()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(EventFixtures.Upcoming(Now));
        await AnswerAsync(bot, "olena", EventsDialog.GoingPrefix);

        var reply = Assert.Single(await bot.SayAsync("olena", "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
        Assert.Equal(RsvpAnswer.Going, (await bot.RsvpAsync("e1", "olena"))?.Answer);
    }

    [Fact]
    public async Task HostRestartsWhileOnAnEvent_AnswerStillGoesToIt()
    {
        await using (var before = await RegisteredAsync("olena"))
        {
            await before.SeedAsync(EventFixtures.Upcoming(Now));
            await OpenAsync(before, "olena");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync("olena");
        var reply = Assert.Single(await after.PressAsync("olena", EventsDialog.NotGoingPrefix + "e1"));

        Assert.EndsWith(Text("Events_YouDoNotGo"), reply.Text);
        Assert.Equal(RsvpAnswer.NotGoing, (await after.RsvpAsync("e1", "olena"))?.Answer);
    }

    private static async Task OpenAsync(EngineHarness bot, string user, string eventId = "e1")
    {
        await bot.SayAsync(user, "/events");
        await bot.PressAsync(user, EventsDialog.EventPrefix + eventId);
    }

    private static async Task AnswerAsync(EngineHarness bot, string user, string answerPrefix)
    {
        await OpenAsync(bot, user);
        await bot.PressAsync(user, answerPrefix + "e1");
    }

    private async Task<EngineHarness> RegisteredAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, user == "taras" ? "Тарас" : "Олена");
        }

        return bot;
    }
}
