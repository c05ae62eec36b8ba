using Hromada.Core.Conversations;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Sweeps;

/// <summary>
/// Reminds the residents going to an event (<see cref="IRsvpStore.ListGoingAsync"/>) twice: a day
/// before it starts and an hour before. A run picks the reminder by how far off the start is, so a run
/// late past the day mark (the host was down) still sends the day reminder, and one past the hour mark
/// sends only the hour one; cancelled and begun events get none. Each reminder of an event is marked
/// done once all are queued, and keyed per resident, so it goes once however often runs repeat.
/// <para>
/// Quiet hours: the resident asked for these reminders by answering "going", but a ping at night is
/// still unwelcome, so the day reminder waits for the end of their quiet hours, which still leaves
/// hours before the event; if it would wait past the hour mark it is left out, and the hour reminder
/// comes instead. The hour reminder ignores quiet hours: held until they end it would come after or
/// just before the start (quiet until 09:00, an event at 09:00), useless; a resident who is going to
/// an event within the hour is up. Both go with reply priority, ahead of a running broadcast, which
/// could otherwise hold them past the start.
/// </para>
/// </summary>
public sealed partial class EventReminderSweep(
    IEventStore events,
    IRsvpStore rsvps,
    IResidentStore residents,
    ISweepStore sweeps,
    ResidentNotifier notifier,
    ILogger<EventReminderSweep> logger) : ISweep
{
    public const string Name = "EventReminders";

    public const int BatchSize = 500;

    public static readonly EventReminder DayBefore = new("day", TimeSpan.FromHours(24), "Events_ReminderDay", RespectsQuietHours: true);

    public static readonly EventReminder HourBefore = new("hour", TimeSpan.FromHours(1), "Events_ReminderHour", RespectsQuietHours: false);

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(5);

    public static string NotificationKey(string eventId, EventReminder reminder) => $"event:{eventId}:reminder:{reminder.Name}";

    /// <summary>The reminder due at <paramref name="now"/> for an event starting within <see cref="DayBefore"/>.</summary>
    public static EventReminder DueFor(CivicEvent civicEvent, DateTimeOffset now) =>
        civicEvent.StartsAt - now <= HourBefore.Lead ? HourBefore : DayBefore;

    /// <summary>The reminder in <paramref name="language"/>: title, Kyiv time, place, and a button that opens the event (with its calendar file) in /events.</summary>
    public static OutboundReply Compose(Language language, CivicEvent civicEvent, EventReminder reminder) =>
        new(Texts.Get(language, reminder.TextKey, civicEvent.Title, EventMessages.When(civicEvent), civicEvent.Place))
        {
            Buttons = [[new ReplyButton(Texts.Get(language, "Events_Open"), $"{EventMessages.Command} {civicEvent.Id}")]],
        };

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminded = 0;
        foreach (var civicEvent in await events.ListStartingBetweenAsync(now, now + DayBefore.Lead, cancellationToken))
        {
            var reminder = DueFor(civicEvent, now);
            var item = $"{civicEvent.Id}:{reminder.Name}";
            if (await sweeps.IsDoneAsync(Name, item, cancellationToken))
            {
                continue;
            }

            await RemindAsync(civicEvent, reminder, now, cancellationToken);
            await sweeps.MarkDoneAsync(Name, item, now, cancellationToken);
            reminded++;
        }

        return reminded;
    }

    /// <summary>Residents who no longer exist (/forget) or are blocked are left out; the notifier leaves out the unreachable.</summary>
    private async Task RemindAsync(CivicEvent civicEvent, EventReminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var going = await rsvps.ListGoingAsync(civicEvent.Id, cancellationToken);
        var queued = 0;
        foreach (var ids in going.Chunk(BatchSize))
        {
            var notices = new List<ResidentNotice>();
            foreach (var resident in await residents.GetManyAsync(ids, cancellationToken))
            {
                var notBefore = reminder.RespectsQuietHours ? Subscription.Of(resident).NotBefore(now) : null;
                if (resident.IsBlocked || notBefore >= civicEvent.StartsAt - HourBefore.Lead)
                {
                    continue;
                }

                notices.Add(new ResidentNotice(
                    resident, NotificationKey(civicEvent.Id, reminder), language => Compose(language, civicEvent, reminder), notBefore));
            }

            queued += await notifier.NotifyEachAsync(notices, OutboxPriority.Reply, cancellationToken);
        }

        LogReminded(civicEvent.Id, reminder.Name, going.Count, queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId}: {Reminder} reminder queued for {Queued} of {Going} residents going")]
    private partial void LogReminded(string eventId, string reminder, int going, int queued);
}

/// <summary>One of the reminders before an event.</summary>
/// <param name="Name">Names it in the notification key and the sweep's marks.</param>
/// <param name="Lead">How long before the start it is due.</param>
/// <param name="RespectsQuietHours">Whether it waits for the end of the resident's quiet hours.</param>
public sealed record EventReminder(string Name, TimeSpan Lead, string TextKey, bool RespectsQuietHours);
