using Hromada.Bots.Tests.Api;
using Hromada.Core.Conversations;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Hromada.Core.Sweeps;

namespace Hromada.Bots.Tests.Scheduling;

/// <summary>
/// The reminders a day and an hour before an event, run at a fake time on the real host and store: to
/// the residents going, once each, late runs and restarts included. The host starts at 11:00 Kyiv time
/// (09:00 UTC) on Monday 23 November 2026; the default quiet hours are 22:00–08:00.
/// </summary>
public sealed class EventReminderSweepTests : IAsyncDisposable
{
    private readonly ApiHost _host = ApiHost.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_DayBeforeTheEvent_RemindsEachResidentGoingOnceInTheirLanguage()
    {
        var hearing = await EventAsync("e1", startsIn: TimeSpan.FromHours(23.5));
        var olena = await GoingAsync(hearing, "olena");
        var taras = await GoingAsync(hearing, "taras", Language.En);
        var iryna = await _host.ResidentAsync("iryna");
        await _host.Get<IRsvpStore>().AnswerAsync(hearing.Id, iryna.Id, RsvpAnswer.NotGoing, _host.Clock.GetUtcNow(), Ct);
        var silent = await _host.ResidentAsync("silent");

        await Runner().RunAsync(EventReminderSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Runner().RunAsync(EventReminderSweep.Name, Ct);

        var reminder = Assert.Single(await _host.MessagesToAsync(olena));
        Assert.Equal(Texts.Get(Language.Uk, "Events_ReminderDay", hearing.Title, "24.11.2026 10:30", hearing.Place), reminder.Reply.Text);
        Assert.Equal("/events e1", Assert.Single(Assert.Single(reminder.Reply.Buttons)).Data);
        Assert.Equal((OutboxPriority.Reply, null), (reminder.Priority, reminder.NotBefore));
        var inEnglish = Assert.Single(await _host.MessagesToAsync(taras));
        Assert.Equal(Texts.Get(Language.En, "Events_ReminderDay", hearing.Title, "24.11.2026 10:30", hearing.Place), inEnglish.Reply.Text);
        Assert.Equal(Texts.Get(Language.En, "Events_Open"), Assert.Single(Assert.Single(inEnglish.Reply.Buttons)).Label);
        Assert.Empty(await _host.MessagesToAsync(iryna));
        Assert.Empty(await _host.MessagesToAsync(silent));
    }

    [Fact]
    public async Task RunAsync_DayThenHourBefore_SendsEachReminderOnce()
    {
        var hearing = await EventAsync("e1", startsIn: TimeSpan.FromHours(23));
        var olena = await GoingAsync(hearing, "olena");

        await Runner().RunAsync(EventReminderSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromHours(21));
        await Runner().RunAsync(EventReminderSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(65));
        await Runner().RunAsync(EventReminderSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Runner().RunAsync(EventReminderSweep.Name, Ct);

        var reminders = await _host.MessagesToAsync(olena);
        Assert.Equal(
            [
                Texts.Get(Language.Uk, "Events_ReminderDay", hearing.Title, "24.11.2026 10:00", hearing.Place),
                Texts.Get(Language.Uk, "Events_ReminderHour", hearing.Title, "24.11.2026 10:00", hearing.Place),
            ],
            reminders.Select(message => message.Reply.Text));
    }

    /// <summary>The host was down across the day mark and came back two hours later: the day reminder still goes, once.</summary>
    [Fact]
    public async Task RunAsync_RestartAfterTheDayMark_SendsTheDayReminderOnce()
    {
        var hearing = await EventAsync("e1", startsIn: TimeSpan.FromHours(25));
        var olena = await GoingAsync(hearing, "olena");
        await Runner().RunAsync(EventReminderSweep.Name, Ct);
        var beforeTheMark = await _host.MessagesToAsync(olena);

        _host.Clock.Advance(TimeSpan.FromHours(3));
        await _host.Host.RestartAsync();
        await Runner().RunAsync(EventReminderSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Runner().RunAsync(EventReminderSweep.Name, Ct);

        Assert.Empty(beforeTheMark);
        var reminder = Assert.Single(await _host.MessagesToAsync(olena));
        Assert.StartsWith(Texts.Get(Language.Uk, "Events_ReminderDay", hearing.Title, "24.11.2026 12:00", hearing.Place), reminder.Reply.Text);
    }

    [Fact]
    public async Task RunAsync_FirstRunPastTheHourMark_SendsOnlyTheHourReminder()
    {
        var hearing = await EventAsync("e1", startsIn: TimeSpan.FromMinutes(50));
        var olena = await GoingAsync(hearing, "olena");

        await Runner().RunAsync(EventReminderSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Runner().RunAsync(EventReminderSweep.Name, Ct);

        var reminder = Assert.Single(await _host.MessagesToAsync(olena));
        Assert.Equal(Texts.Get(Language.Uk, "Events_ReminderHour", hearing.Title, "23.11.2026 11:50", hearing.Place), reminder.Reply.Text);
    }

    [Fact]
    public async Task RunAsync_CancelledOrBegunEvent_SendsNothing()
    {
        var cancelled = await EventAsync("cancelled", startsIn: TimeSpan.FromHours(10), cancelled: true);
        var begun = await EventAsync("begun", startsIn: TimeSpan.FromMinutes(-10));
        var olena = await GoingAsync(cancelled, "olena");
        await _host.Get<IRsvpStore>().AnswerAsync(begun.Id, olena.Id, RsvpAnswer.Going, _host.Clock.GetUtcNow(), Ct);

        await Runner().RunAsync(EventReminderSweep.Name, Ct);

        Assert.Empty(await _host.MessagesToAsync(olena));
    }

    [Fact]
    public async Task RunAsync_MissingBlockedOrUnreachableResidentsGoing_SkipsThemAndRemindsTheRest()
    {
        var hearing = await EventAsync("e1", startsIn: TimeSpan.FromHours(20));
        await _host.Get<IRsvpStore>().AnswerAsync(hearing.Id, "r-forgotten", RsvpAnswer.Going, _host.Clock.GetUtcNow(), Ct);
        var blocked = await GoingAsync(hearing, "blocked");
        blocked.BlockedAt = _host.Clock.GetUtcNow();
        await _host.Get<IResidentStore>().SaveAsync(blocked, Ct);
        var unreachable = await GoingAsync(hearing, "unreachable", reachable: false);
        var olena = await GoingAsync(hearing, "olena");

        var ran = await Runner().RunAsync(EventReminderSweep.Name, Ct);

        Assert.True(ran);
        Assert.Single(await _host.MessagesToAsync(olena));
        Assert.Empty(await _host.MessagesToAsync(blocked));
        Assert.Empty(await _host.MessagesToAsync(unreachable));
        Assert.True(await _host.Get<ISweepStore>().IsDoneAsync(EventReminderSweep.Name, "e1:day", Ct));
    }

    /// <summary>23:00 Kyiv, an event tomorrow at 22:30: the day reminder waits for 08:00.</summary>
    [Fact]
    public async Task RunAsync_DayReminderInsideQuietHours_WaitsUntilTheyEnd()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero));
        var hearing = await EventAsync("e1", startsIn: TimeSpan.FromHours(23.5));
        var olena = await GoingAsync(hearing, "olena");
        var nightOwl = await GoingAsync(hearing, "owl");
        nightOwl.Subscription = Subscription.Of(nightOwl) with { QuietHours = null };
        await _host.Get<IResidentStore>().SaveAsync(nightOwl, Ct);

        await Runner().RunAsync(EventReminderSweep.Name, Ct);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), Assert.Single(await _host.MessagesToAsync(olena)).NotBefore);
        Assert.Null(Assert.Single(await _host.MessagesToAsync(nightOwl)).NotBefore);
    }

    /// <summary>07:00 Kyiv, an event at 07:45: held until 08:00 the reminder would come after the start, so it goes at once.</summary>
    [Fact]
    public async Task RunAsync_HourReminderInsideQuietHours_GoesAtOnce()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero));
        var action = await EventAsync("e1", startsIn: TimeSpan.FromMinutes(45));
        var olena = await GoingAsync(action, "olena");

        await Runner().RunAsync(EventReminderSweep.Name, Ct);

        var reminder = Assert.Single(await _host.MessagesToAsync(olena));
        Assert.StartsWith(Texts.Get(Language.Uk, "Events_ReminderHour", action.Title, "24.11.2026 07:45", action.Place), reminder.Reply.Text);
        Assert.Null(reminder.NotBefore);
    }

    /// <summary>
    /// Quiet until 10:00, an event at 10:15: the day reminder would wait past the hour mark, so only the
    /// hour reminder comes.
    /// </summary>
    [Fact]
    public async Task RunAsync_DayReminderHeldPastTheHourMark_LeavesItToTheHourReminder()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero));
        var session = await EventAsync("e1", startsIn: TimeSpan.FromHours(9.75));
        var olena = await GoingAsync(session, "olena");
        olena.Subscription = Subscription.Of(olena) with { QuietHours = new QuietHours(0, 10) };
        await _host.Get<IResidentStore>().SaveAsync(olena, Ct);

        await Runner().RunAsync(EventReminderSweep.Name, Ct);
        var atNight = await _host.MessagesToAsync(olena);
        _host.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(50));
        await Runner().RunAsync(EventReminderSweep.Name, Ct);

        Assert.Empty(atNight);
        var reminder = Assert.Single(await _host.MessagesToAsync(olena));
        Assert.StartsWith(Texts.Get(Language.Uk, "Events_ReminderHour", session.Title, "24.11.2026 10:15", session.Place), reminder.Reply.Text);
        Assert.Null(reminder.NotBefore);
    }

    private async Task<CivicEvent> EventAsync(string id, TimeSpan startsIn, bool cancelled = false)
    {
        var civicEvent = new CivicEvent
        {
            Id = id,
            CommunityId = "kamianske",
            Type = EventType.PublicHearing,
            Title = $"Слухання щодо скверу ({id})",
            StartsAt = _host.Clock.GetUtcNow() + startsIn,
            Place = "Міська рада, зала 2",
            CreatedBy = "r-moderator",
            CreatedAt = _host.Clock.GetUtcNow().AddDays(-3),
            Cancelled = cancelled,
        };
        await _host.Get<IEventStore>().SaveAsync(civicEvent, Ct);
        return civicEvent;
    }

    private async Task<Resident> GoingAsync(CivicEvent civicEvent, string userId, Language language = Language.Uk, bool reachable = true)
    {
        var resident = await _host.ResidentAsync(userId, language: language, reachable: reachable);
        await _host.Get<IRsvpStore>().AnswerAsync(civicEvent.Id, resident.Id, RsvpAnswer.Going, _host.Clock.GetUtcNow(), Ct);
        return resident;
    }

    private SweepRunner Runner() => _host.Get<SweepRunner>();
}
