using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Admin;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Spheres;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Polls.NewPollState;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>
/// /newpoll, for moderators: question, options, type (single, multiple with a maximum, scale 1–5 or
/// 1–10), kind (current state, or strategic with a horizon), sphere, one of the moderator's
/// communities, closing time, preview, publish. The question and options may come in one message
/// (also with the command: first line the question, each next line an option), which goes on to the type.
/// </summary>
public sealed class NewPollDialog(AdminGuard guard, PollModeration moderation, PollMessages messages, CommunityQuestion where)
    : AdminDialog<NewPollState>(guard)
{
    public const string Done = "done";
    public const string TypePrefix = "type:";
    public const string SingleChoice = TypePrefix + "single";
    public const string MultipleChoice = TypePrefix + "multiple";
    public const string Scale5 = TypePrefix + "scale5";
    public const string Scale10 = TypePrefix + "scale10";
    public const string MaxPrefix = "max:";
    public const string Current = "kind:current";
    public const string Strategic = "kind:strategic";
    public const string SpherePrefix = "sphere:";

    private static readonly PollTextValidator PollRule = new();
    private static readonly QuestionValidator QuestionRule = new();
    private static readonly OptionsValidator OptionsSoFarRule = new(complete: false);
    private static readonly OptionsValidator OptionsRule = new();
    private static readonly HorizonValidator HorizonRule = new();

    public override string Name => "newpoll";

    public override IReadOnlyList<string> Commands => ["/newpoll"];

    protected override NewPollState FirstState => AwaitingQuestion;

    /// <summary>Residents without a role are pointed to /propose instead.</summary>
    protected override string RefusalKey => "NewPoll_NotAllowed";

    protected override Task BeginAsync(DialogContext context) =>
        Argument(context).Length == 0 ? base.BeginAsync(context) : AnswerFirstQuestionAsync(context);

    protected override void Configure(StateMachine<NewPollState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new PollDraft(context.Session);
        var admin = new AdminDraft(context.Session);

        Fork(machine.Configure(AwaitingQuestion), TextReceived, () => TakeQuestion(context, draft), AwaitingOptions, AwaitingType);

        // Typed options are added and the question asked again, listing them; Done (or a scale) moves on.
        var added = new Lazy<bool>(() => AddOptions(context, draft));
        var options = machine.Configure(AwaitingOptions).PermitReentryIf(TextReceived, () => added.Value);
        Fork(options, OptionChosen, () => TakeOptionsDone(context, draft), AwaitingType, AwaitingKind);

        Fork(machine.Configure(AwaitingType), OptionChosen, () => TakeType(context, draft), AwaitingMaxChoices, AwaitingKind);

        var max = machine.Configure(AwaitingMaxChoices);
        Step(max, OptionChosen, AwaitingKind, () => TakeMaxChoices(context, draft));
        Step(max, TextReceived, AwaitingKind, () => TakeMaxChoices(context, draft));

        Fork(machine.Configure(AwaitingKind), OptionChosen, () => TakeKind(context, draft), AwaitingSphere, AwaitingHorizon);
        Step(machine.Configure(AwaitingHorizon), TextReceived, AwaitingSphere,
            () => context.Accept(HorizonRule, context.Message.Text?.Trim() ?? "", horizon => draft.Horizon = horizon));
        Step(machine.Configure(AwaitingSphere), OptionChosen, AwaitingCommunity, () => TakeSphere(context, draft));

        var community = machine.Configure(AwaitingCommunity);
        Step(community, TextReceived, AwaitingClosingTime, () => where.Take(context, Scope(context).Communities, admin));
        Step(community, OptionChosen, AwaitingClosingTime, () => where.Take(context, Scope(context).Communities, admin));

        var closing = machine.Configure(AwaitingClosingTime);
        Step(closing, OptionChosen, AwaitingConfirmation, () => ClosingTimeQuestion.Take(context, admin));
        Step(closing, TextReceived, AwaitingConfirmation, () => ClosingTimeQuestion.Take(context, admin));

        machine.Configure(AwaitingConfirmation).Permit(Confirmed, Completed);
        machine.Configure(Completed).OnEntryAsync(async () => context.Keep(new ActionResult(
            await moderation.CreateAsync(Scope(context), Compose(context, draft, admin), context.CancellationToken))));
    }

    protected override OutboundReply? Ask(NewPollState state, DialogContext context)
    {
        var draft = new PollDraft(context.Session);
        var admin = new AdminDraft(context.Session);
        return state switch
        {
            AwaitingQuestion => new OutboundReply(context.Text("NewPoll_AskQuestion")),
            AwaitingOptions => AskOptions(context, draft),
            AwaitingType => new OutboundReply(context.Text("NewPoll_AskType"))
            {
                Buttons =
                [
                    [Button(context, "NewPoll_TypeSingle", SingleChoice), Button(context, "NewPoll_TypeMultiple", MultipleChoice)],
                    ScaleRow(context),
                ],
            },
            AwaitingMaxChoices => new OutboundReply(context.Text("NewPoll_AskMaxChoices", draft.Options.Count))
            {
                Buttons = [.. Enumerable.Range(2, draft.Options.Count - 1)
                    .Select(n => new ReplyButton(n.ToString(CultureInfo.InvariantCulture), MaxPrefix + n.ToString(CultureInfo.InvariantCulture)))
                    .Chunk(5)],
            },
            AwaitingKind => new OutboundReply(context.Text("NewPoll_AskKind"))
            {
                Buttons = [[Button(context, "NewPoll_KindCurrent", Current)], [Button(context, "NewPoll_KindStrategic", Strategic)]],
            },
            AwaitingHorizon => new OutboundReply(context.Text("NewPoll_AskHorizon")),
            AwaitingSphere => new OutboundReply(context.Text("NewPoll_AskSphere"))
            {
                Buttons = [.. Sphere.All.Select(id => new ReplyButton(context.Text($"Sphere_{id}"), SpherePrefix + id)).Chunk(2)],
            },
            AwaitingCommunity => where.Ask(context, "NewPoll_AskCommunity", Scope(context).Communities, admin),
            AwaitingClosingTime => ClosingTimeQuestion.Ask(context),
            AwaitingConfirmation => Preview(context, draft, admin),
            Completed when context.Loaded<ActionResult>()!.Outcome == ModerationOutcome.Done =>
                new OutboundReply(context.Text("NewPoll_Published", KyivTime.Format(admin.ClosesAt!.Value)))
                {
                    Buttons = [[Button(context, "Menu_Polls", "/polls"), Button(context, "Menu_Button", "/menu")]],
                },
            Completed => AdminReplies.NotDone(context, context.Loaded<ActionResult>()!.Outcome),
            _ => null,
        };
    }

    private OutboundReply Preview(DialogContext context, PollDraft draft, AdminDraft admin)
    {
        var type = draft.Type switch
        {
            PollType.MultipleChoice => context.Text("NewPoll_TypeMultipleUpTo", draft.MaxChoices),
            PollType.Scale => context.Text(draft.Options.Count == 10 ? "NewPoll_TypeScale10" : "NewPoll_TypeScale5"),
            _ => context.Text("NewPoll_TypeSingle"),
        };
        var kind = draft.Kind == PollKind.Strategic
            ? context.Text("NewPoll_KindStrategicFor", draft.Horizon)
            : context.Text("NewPoll_KindCurrent");
        return new OutboundReply(context.Text(
            "NewPoll_Preview",
            draft.Question,
            string.Join('\n', draft.Options.Select((option, index) => $"{index + 1}. {option}")),
            type,
            kind,
            context.Text($"Sphere_{draft.Sphere}"),
            messages.Place(context, admin.CommunityId!),
            KyivTime.Format(admin.ClosesAt!.Value)))
        {
            Buttons = [[Button(context, "NewPoll_Publish", "confirm"), Button(context, "Admin_Cancel", "/cancel")]],
        };
    }

    private static OutboundReply AskOptions(DialogContext context, PollDraft draft)
    {
        var options = draft.Options;
        var text = context.Text("NewPoll_AskOptions", OptionsValidator.MaxCount);
        if (options.Count == 0)
        {
            return new OutboundReply(text) { Buttons = [ScaleRow(context)] };
        }

        var list = string.Join('\n', options.Select((option, index) => $"{index + 1}. {option}"));
        return new OutboundReply($"{context.Text("NewPoll_OptionsSoFar", list)}\n\n{text}")
        {
            Buttons = [[Button(context, "NewPoll_OptionsDone", Done)], ScaleRow(context)],
        };
    }

    /// <summary>One line is the question (options follow); more lines are the whole poll.</summary>
    private static NewPollState? TakeQuestion(DialogContext context, PollDraft draft)
    {
        var text = Answer(context);
        if (PollText.Lines(text).Count <= 1)
        {
            return context.Accept(QuestionRule, text.Trim(), question => draft.Question = question) ? AwaitingOptions : null;
        }

        return context.Accept(PollRule, PollText.Parse(text), poll =>
        {
            draft.Question = poll.Question;
            draft.Options = poll.Options;
        })
            ? AwaitingType
            : null;
    }

    /// <summary>Adds every line of the message as an option, or none of them when one is refused.</summary>
    private static bool AddOptions(DialogContext context, PollDraft draft)
    {
        var all = draft.Options.Concat(PollText.Lines(context.Message.Text ?? "")).ToList();
        context.Accept(OptionsSoFarRule, all, accepted => draft.Options = accepted);
        return true;
    }

    private static NewPollState? TakeOptionsDone(DialogContext context, PollDraft draft)
    {
        if (context.Message.ButtonData == Done)
        {
            return context.Accept(OptionsRule, draft.Options, _ => { }) ? AwaitingType : null;
        }

        return TakeScale(context, draft) ? AwaitingKind : Unexpected(context);
    }

    private static NewPollState? TakeType(DialogContext context, PollDraft draft)
    {
        switch (context.Message.ButtonData)
        {
            case SingleChoice:
                draft.Type = PollType.SingleChoice;
                draft.MaxChoices = 1;
                return AwaitingKind;
            case MultipleChoice:
                draft.Type = PollType.MultipleChoice;
                return AwaitingMaxChoices;
            default:
                return TakeScale(context, draft) ? AwaitingKind : Unexpected(context);
        }
    }

    /// <summary>A scale button makes a scale poll: its options are the numbers, whatever was typed before.</summary>
    private static bool TakeScale(DialogContext context, PollDraft draft)
    {
        var top = context.Message.ButtonData switch
        {
            Scale5 => 5,
            Scale10 => 10,
            _ => 0,
        };
        if (top == 0)
        {
            return false;
        }

        draft.Type = PollType.Scale;
        draft.MaxChoices = 1;
        draft.Options = Poll.ScaleOptions(top);
        return true;
    }

    /// <summary>A number from 2 to the count of options, pressed or typed.</summary>
    private static bool TakeMaxChoices(DialogContext context, PollDraft draft)
    {
        var given = context.Message.ButtonData is { } pressed
            ? pressed.StartsWith(MaxPrefix, StringComparison.Ordinal) ? pressed[MaxPrefix.Length..] : ""
            : context.Message.Text?.Trim() ?? "";
        if (!int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 2 || max > draft.Options.Count)
        {
            context.Problem = context.Text("Problem_MaxChoices", draft.Options.Count);
            return false;
        }

        draft.MaxChoices = max;
        return true;
    }

    private static NewPollState? TakeKind(DialogContext context, PollDraft draft)
    {
        switch (context.Message.ButtonData)
        {
            case Current:
                draft.Kind = PollKind.CurrentState;
                draft.Horizon = null;
                return AwaitingSphere;
            case Strategic:
                draft.Kind = PollKind.Strategic;
                return AwaitingHorizon;
            default:
                return Unexpected(context);
        }
    }

    private static bool TakeSphere(DialogContext context, PollDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        var sphere = pressed.StartsWith(SpherePrefix, StringComparison.Ordinal) ? pressed[SpherePrefix.Length..] : "";
        if (!Sphere.Exists(sphere))
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return false;
        }

        draft.Sphere = sphere;
        return true;
    }

    private static NewPollState? Unexpected(DialogContext context)
    {
        context.Problem = context.Text("Problem_UnexpectedInput");
        return null;
    }

    private static Poll Compose(DialogContext context, PollDraft draft, AdminDraft admin) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        CommunityId = admin.CommunityId!,
        Spheres = [draft.Sphere!],
        Question = draft.Question!,
        Options = draft.Options,
        Type = draft.Type,
        MaxChoices = draft.MaxChoices,
        Kind = draft.Kind,
        Horizon = draft.Kind == PollKind.Strategic ? draft.Horizon : null,
        Status = PollStatus.Open,
        OpensAt = context.Now,
        ClosesAt = admin.ClosesAt,
        AuthorResidentId = context.Resident!.Id,
        CreatedAt = context.Now,
    };

    private static IReadOnlyList<ReplyButton> ScaleRow(DialogContext context) =>
        [Button(context, "NewPoll_TypeScale5", Scale5), Button(context, "NewPoll_TypeScale10", Scale10)];

    private static ReplyButton Button(DialogContext context, string key, string data) => new(context.Text(key), data);
}
