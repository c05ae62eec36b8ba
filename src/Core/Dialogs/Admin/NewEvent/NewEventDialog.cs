using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.NewEvent.NewEventState;

namespace Hromada.Core.Dialogs.Admin.NewEvent;

/// <summary>
/// /newevent, for moderators: title, type, start (typed in Kyiv time), place, spheres (onboarding's
/// multi-select step), one of the moderator's communities, a preview, then Publish: the event is
/// stored and announced to the residents whose subscriptions it matches.
/// </summary>
public sealed class NewEventDialog(AdminGuard guard, EventPublishing publishing, PollMessages messages, CommunityQuestion where)
    : AdminDialog<NewEventState>(guard)
{
    public const string TypePrefix = "type:";

    private static readonly EventTitleValidator TitleRule = new();
    private static readonly EventPlaceValidator PlaceRule = new();
    private static readonly EventStartValidator StartRule = new();

    public override string Name => "newevent";

    public override IReadOnlyList<string> Commands => ["/newevent"];

    protected override NewEventState FirstState => AwaitingTitle;

    protected override void Configure(StateMachine<NewEventState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new NewEventDraft(context.Session);
        var admin = new AdminDraft(context.Session);

        Step(machine.Configure(AwaitingTitle), TextReceived, AwaitingType,
            () => context.Accept(TitleRule, context.Message.Text?.Trim() ?? "", title => draft.Title = title));
        Step(machine.Configure(AwaitingType), OptionChosen, AwaitingStart, () => TakeType(context, draft));
        Step(machine.Configure(AwaitingStart), TextReceived, AwaitingPlace, () => TakeStart(context, draft));
        Step(machine.Configure(AwaitingPlace), TextReceived, AwaitingSpheres,
            () => context.Accept(PlaceRule, context.Message.Text?.Trim() ?? "", place => draft.Place = place));
        Step(machine.Configure(AwaitingSpheres), OptionChosen, AwaitingCommunity, () => ProfileQuestions.TakeSpheres(context, draft.SphereStep));

        var community = machine.Configure(AwaitingCommunity);
        Step(community, TextReceived, AwaitingConfirmation, () => where.Take(context, Scope(context).Communities, admin));
        Step(community, OptionChosen, AwaitingConfirmation, () => where.Take(context, Scope(context).Communities, admin));

        machine.Configure(AwaitingConfirmation).Permit(Confirmed, Completed);
        machine.Configure(Completed).OnEntryAsync(async () => context.Keep(
            await publishing.PublishAsync(Scope(context), Compose(context, draft, admin, Guid.NewGuid().ToString("N")), context.CancellationToken)));
    }

    protected override OutboundReply? Ask(NewEventState state, DialogContext context)
    {
        var draft = new NewEventDraft(context.Session);
        var admin = new AdminDraft(context.Session);
        return state switch
        {
            AwaitingTitle => new OutboundReply(context.Text("NewEvent_AskTitle")),
            AwaitingType => new OutboundReply(context.Text("NewEvent_AskType"))
            {
                Buttons = [.. Enum.GetValues<EventType>()
                    .Select(type => new ReplyButton(EventMessages.Type(context.Language, type), TypePrefix + type))
                    .Chunk(2)],
            },
            AwaitingStart => new OutboundReply(context.Text("NewEvent_AskStart", KyivTime.Format(context.Now + TimeSpan.FromDays(7)))),
            AwaitingPlace => new OutboundReply(context.Text("NewEvent_AskPlace")),
            AwaitingSpheres => ProfileQuestions.AskSpheres(context, draft.SphereStep) with { Text = context.Text("NewEvent_AskSpheres") },
            AwaitingCommunity => where.Ask(context, "NewEvent_AskCommunity", Scope(context).Communities, admin),
            AwaitingConfirmation => Preview(context, draft, admin),
            Completed when context.Loaded<EventPublished>() is { Outcome: ModerationOutcome.Done } published =>
                new OutboundReply(context.Text("NewEvent_Published", published.Announced))
                {
                    Buttons = [[new ReplyButton(context.Text("Menu_Events"), EventMessages.Command), new ReplyButton(context.Text("Menu_Button"), "/menu")]],
                },
            Completed => AdminReplies.NotDone(context, context.Loaded<EventPublished>()!.Outcome),
            _ => null,
        };
    }

    /// <summary>The event as residents will see it announced, with its spheres and community.</summary>
    private OutboundReply Preview(DialogContext context, NewEventDraft draft, AdminDraft admin)
    {
        var civicEvent = Compose(context, draft, admin, id: "");
        return new OutboundReply(context.Text(
            "NewEvent_Preview",
            EventMessages.Card(context.Language, civicEvent),
            string.Join(", ", civicEvent.Spheres.Select(sphere => context.Text($"Sphere_{sphere}"))),
            messages.Place(context, civicEvent.CommunityId)))
        {
            Buttons = [[new ReplyButton(context.Text("NewEvent_Publish"), "confirm"), new ReplyButton(context.Text("Admin_Cancel"), "/cancel")]],
        };
    }

    private static bool TakeType(DialogContext context, NewEventDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        if (!pressed.StartsWith(TypePrefix, StringComparison.Ordinal)
            || !Enum.TryParse<EventType>(pressed[TypePrefix.Length..], out var type)
            || !Enum.IsDefined(type))
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return false;
        }

        draft.Type = type;
        return true;
    }

    /// <summary>"dd.MM.yyyy HH:mm" read as Kyiv wall-clock time.</summary>
    private static bool TakeStart(DialogContext context, NewEventDraft draft)
    {
        DateTimeOffset? at = DateTime.TryParseExact(
            context.Message.Text?.Trim(), ClosingTimeQuestion.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var typed)
            ? KyivTime.FromKyiv(typed)
            : null;
        return context.Accept(StartRule, new EventStart(at, context.Now), accepted => draft.StartsAt = accepted.At);
    }

    /// <param name="id">The new event's id; the preview's event has none yet.</param>
    private static CivicEvent Compose(DialogContext context, NewEventDraft draft, AdminDraft admin, string id) => new()
    {
        Id = id,
        CommunityId = admin.CommunityId!,
        Spheres = draft.SphereStep.Spheres,
        Type = draft.Type!.Value,
        Title = draft.Title!,
        StartsAt = draft.StartsAt!.Value,
        Place = draft.Place!,
        CreatedBy = context.Resident!.Id,
        CreatedAt = context.Now,
    };
}
