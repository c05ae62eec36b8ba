using Hromada.Core.Conversations;
using Hromada.Core.Events;
using Hromada.Core.Subscriptions;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Events.EventsState;

namespace Hromada.Core.Dialogs.Events;

/// <summary>
/// /events: the upcoming events of the resident's subscribed communities and the national level, one
/// button each. An event shows its type, title, Kyiv time, place and how many are going; the resident
/// answers Going or Not going (and may change it), gets the event's calendar file, or goes back.
/// "/events &lt;id&gt;" (an announcement's button) opens that event at once.
/// </summary>
public sealed class EventsDialog(IEventStore events, IRsvpStore rsvps) : Dialog<EventsState>
{
    public const string EventPrefix = "event:";

    /// <summary>The answer buttons carry the event's id, so a button of an earlier card answers about its own event.</summary>
    public const string GoingPrefix = "going:";
    public const string NotGoingPrefix = "notgoing:";
    public const string CalendarPrefix = "ics:";
    public const string Back = "back";
    public const int ListLimit = 10;
    private const int LabelLength = 60;

    public override string Name => "events";

    public override IReadOnlyList<string> Commands => [EventMessages.Command];

    protected override EventsState FirstState => AwaitingEvent;

    /// <summary>An event's id given with the command opens it as if chosen; with nothing upcoming the dialog says so and ends.</summary>
    public override async Task StartAsync(DialogContext context)
    {
        if (BotCommand.From(context.Message) is { Argument.Length: > 0 })
        {
            context.Session.Dialog = Name;
            context.Session.State = FirstState.ToString();
            await ContinueAsync(context);
        }
        else
        {
            await base.StartAsync(context);
        }

        if (context.Session.State == nameof(AwaitingEvent) && context.Loaded<UpcomingEvents>() is { Events.Count: 0 })
        {
            context.Session.Leave();
        }
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        var state = Enum.Parse<EventsState>(context.Session.State!);
        var pressed = context.Message.ButtonData;
        if (state == AwaitingEvent || pressed == Back)
        {
            var places = Subscription.Of(context.Resident!).Places;
            context.Keep(new UpcomingEvents(await events.ListUpcomingAsync(places, context.Now, ListLimit, context.CancellationToken)));
        }

        var eventId = state == AwaitingEvent ? ChosenEventId(context) : AnsweredEventId(pressed) ?? new EventDraft(context.Session).EventId;
        if (eventId is not null && await events.GetAsync(eventId, context.CancellationToken) is { } civicEvent)
        {
            context.Keep(await ViewAsync(context, civicEvent));
        }
    }

    protected override void Configure(StateMachine<EventsState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new EventDraft(context.Session);
        var pressed = context.Message.ButtonData;

        var list = machine.Configure(AwaitingEvent);
        Step(list, OptionChosen, AwaitingAnswer, () => TakeEvent(context, draft));
        Step(list, TextReceived, AwaitingAnswer, () => TakeEvent(context, draft));

        // Stateless evaluates every guard of a trigger: they must exclude each other.
        var back = pressed == Back;
        var calendar = pressed?.StartsWith(CalendarPrefix, StringComparison.Ordinal) == true;
        machine.Configure(AwaitingAnswer)
            .PermitIf(OptionChosen, AwaitingEvent, () => back)
            .InternalTransitionIf(OptionChosen, _ => calendar, _ => SendCalendar(context))
            .PermitReentryIf(OptionChosen, () => !back && !calendar)
            .OnEntryAsync(transition => transition.IsReentry ? AnswerAsync(context, draft) : Task.CompletedTask);
    }

    protected override OutboundReply? Ask(EventsState state, DialogContext context) => state switch
    {
        AwaitingEvent => AskEvent(context),
        AwaitingAnswer => AskAnswer(context),
        _ => null,
    };

    private static OutboundReply AskEvent(DialogContext context)
    {
        var upcoming = context.Loaded<UpcomingEvents>()!.Events;
        var otherActions = (IReadOnlyList<ReplyButton>)[Button(context, "Menu_Subscribe", "/subscribe"), Button(context, "Menu_Button", "/menu")];
        if (upcoming.Count == 0)
        {
            return new OutboundReply(context.Text("Events_None")) { Buttons = [otherActions] };
        }

        var buttons = upcoming
            .Select(civicEvent => (IReadOnlyList<ReplyButton>)[new ReplyButton(Label(civicEvent), EventPrefix + civicEvent.Id)])
            .Append(otherActions)
            .ToList();
        return new OutboundReply(context.Text("Events_List")) { Buttons = buttons };
    }

    /// <summary>The event with the going count and the resident's answer; answer buttons only while it is upcoming.</summary>
    private static OutboundReply AskAnswer(DialogContext context)
    {
        var backRow = (IReadOnlyList<ReplyButton>)[Button(context, "Events_Back", Back)];
        if (context.Loaded<EventView>() is not { } view)
        {
            return new OutboundReply(context.Text("Problem_EventUnavailable")) { Buttons = [backRow] };
        }

        var (civicEvent, rsvp, going) = view;
        var text = new List<string> { EventMessages.Card(context.Language, civicEvent), context.Text("Events_GoingCount", going) };
        if (rsvp is not null)
        {
            text.Add(context.Text(rsvp.Answer == RsvpAnswer.Going ? "Events_YouGo" : "Events_YouDoNotGo"));
        }

        var calendarRow = (IReadOnlyList<ReplyButton>)[Button(context, "Events_AddToCalendar", CalendarPrefix + civicEvent.Id)];
        if (!civicEvent.IsUpcomingAt(context.Now))
        {
            text.Add(context.Text(civicEvent.Cancelled ? "Events_Cancelled" : "Events_Begun"));
            return new OutboundReply(string.Join("\n\n", text)) { Buttons = [calendarRow, backRow] };
        }

        IReadOnlyList<ReplyButton> answerRow =
        [
            new((rsvp?.Answer == RsvpAnswer.Going ? "✅ " : "") + context.Text("Events_Going"), GoingPrefix + civicEvent.Id),
            new((rsvp?.Answer == RsvpAnswer.NotGoing ? "✅ " : "") + context.Text("Events_NotGoing"), NotGoingPrefix + civicEvent.Id),
        ];
        return new OutboundReply(string.Join("\n\n", text)) { Buttons = [answerRow, calendarRow, backRow] };
    }

    private static bool TakeEvent(DialogContext context, EventDraft draft)
    {
        if (context.Loaded<EventView>() is not { } view)
        {
            context.Problem = context.Text(ChosenEventId(context) is null ? "Problem_UnexpectedInput" : "Problem_EventUnavailable");
            return false;
        }

        draft.EventId = view.Event.Id;
        return true;
    }

    /// <summary>Stores a pressed Going or Not going about an upcoming event, then reads the count again; anything else is refused.</summary>
    private async Task AnswerAsync(DialogContext context, EventDraft draft)
    {
        var pressed = context.Message.ButtonData;
        RsvpAnswer? answer = pressed?.StartsWith(GoingPrefix, StringComparison.Ordinal) == true ? RsvpAnswer.Going
            : pressed?.StartsWith(NotGoingPrefix, StringComparison.Ordinal) == true ? RsvpAnswer.NotGoing
            : null;
        if (answer is not { } given)
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return;
        }

        if (context.Loaded<EventView>() is not { } view)
        {
            return; // Withdrawn meanwhile: asking again says so.
        }

        draft.EventId = view.Event.Id;
        if (!view.Event.IsUpcomingAt(context.Now))
        {
            context.Problem = context.Text(view.Event.Cancelled ? "Events_Cancelled" : "Problem_EventBegun");
            return;
        }

        await rsvps.AnswerAsync(view.Event.Id, context.Resident!.Id, given, context.Now, context.CancellationToken);
        context.Keep(await ViewAsync(context, view.Event));
    }

    private static void SendCalendar(DialogContext context)
    {
        if (context.Loaded<EventView>() is { } view)
        {
            context.Reply(new OutboundReply(context.Text("Events_CalendarFile")) { Document = EventCalendarFile.For(view.Event) });
        }
        else
        {
            context.Reply("Problem_EventUnavailable");
        }
    }

    private async Task<EventView> ViewAsync(DialogContext context, CivicEvent civicEvent)
    {
        var rsvp = await rsvps.FindAsync(civicEvent.Id, context.Resident!.Id, context.CancellationToken);
        var going = await rsvps.CountGoingAsync(civicEvent.Id, context.CancellationToken);
        return new EventView(civicEvent, rsvp, going);
    }

    /// <summary>A pressed event button, or the id given with the command ("/events &lt;id&gt;").</summary>
    private static string? ChosenEventId(DialogContext context)
    {
        if (BotCommand.From(context.Message) is { Argument.Length: > 0 } command && command.Name == EventMessages.Command)
        {
            return command.Argument;
        }

        var pressed = context.Message.ButtonData;
        return pressed is not null && pressed.StartsWith(EventPrefix, StringComparison.Ordinal) ? pressed[EventPrefix.Length..] : null;
    }

    private static string? AnsweredEventId(string? pressed) =>
        new[] { GoingPrefix, NotGoingPrefix, CalendarPrefix }
            .Where(prefix => pressed?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .Select(prefix => pressed![prefix.Length..])
            .FirstOrDefault();

    private static string Label(CivicEvent civicEvent)
    {
        var label = $"{EventMessages.When(civicEvent)} · {civicEvent.Title}";
        return label.Length <= LabelLength ? label : label[..(LabelLength - 1)] + "…";
    }

    private static ReplyButton Button(DialogContext context, string key, string data) => new(context.Text(key), data);

    private sealed record UpcomingEvents(IReadOnlyList<CivicEvent> Events);

    /// <summary>An event with the resident's own answer and the number going.</summary>
    private sealed record EventView(CivicEvent Event, Rsvp? Rsvp, int Going);
}
