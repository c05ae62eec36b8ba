using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Admin.Moderate;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Reports;
using Hromada.Core.Residents;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.Issues.IssuesState;

namespace Hromada.Core.Dialogs.Admin.Issues;

/// <summary>
/// /issues: the open problem reports of the moderator's communities (new first, then acknowledged,
/// then in progress; oldest first within each). One is opened with everything its reporter gave —
/// moderators see who reported it even when it is anonymous to the public, or the API key a dispatch
/// system filed it with through Open311 — and moved on
/// (acknowledged, in progress, resolved, rejected with a typed reason) or answered with a typed text.
/// "/issues &lt;number&gt;" (an escalation's button) opens that report at once.
/// </summary>
public sealed class IssuesDialog(
    AdminGuard guard, ReportDecisions decisions, IResidentStore residents, PollMessages messages) : AdminDialog<IssuesState>(guard)
{
    public const string Command = "/issues";
    public const string ReportPrefix = "report:";
    public const string ActionPrefix = "act:";

    private static readonly ReasonValidator ReasonRule = new();
    private static readonly ReplyValidator ReplyRule = new();

    public override string Name => "issues";

    public override IReadOnlyList<string> Commands => [Command];

    protected override IssuesState FirstState => AwaitingReport;

    /// <summary>
    /// A report's number given with the command opens it as if chosen from the queue; with an empty
    /// queue there is nothing to do: the dialog says so and ends.
    /// </summary>
    protected override async Task BeginAsync(DialogContext context)
    {
        if (Argument(context).Length > 0)
        {
            await AnswerFirstQuestionAsync(context);
        }
        else
        {
            await base.BeginAsync(context);
        }

        if (context.Session.State == nameof(AwaitingReport) && context.Loaded<Queue>() is { Reports.Count: 0 })
        {
            context.Session.Leave();
        }
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        var choosing = context.Session.State == nameof(AwaitingReport);
        if (choosing)
        {
            context.Keep(new Queue(await decisions.QueueAsync(Scope(context), context.CancellationToken)));
        }

        var number = choosing ? ChosenNumber(context) : new IssuesDraft(context.Session).Number;
        if (number is { } chosen && await decisions.FindAsync(Scope(context), chosen, context.CancellationToken) is { Subject: { IsOpen: true } report })
        {
            context.Keep(new Chosen(report, await residents.GetAsync(report.ReporterId, context.CancellationToken)));
        }
    }

    protected override void Configure(StateMachine<IssuesState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new IssuesDraft(context.Session);

        var list = machine.Configure(AwaitingReport);
        Step(list, OptionChosen, AwaitingAction, () => TakeReport(context, draft));
        Step(list, TextReceived, AwaitingAction, () => TakeReport(context, draft));
        Fork(machine.Configure(AwaitingAction), OptionChosen, () => TakeAction(context, draft), Completed, AwaitingReason, AwaitingReply);
        Step(machine.Configure(AwaitingReason), TextReceived, Completed,
            () => context.Accept(ReasonRule, context.Message.Text?.Trim() ?? "", reason => draft.Text = reason));
        Step(machine.Configure(AwaitingReply), TextReceived, Completed,
            () => context.Accept(ReplyRule, context.Message.Text?.Trim() ?? "", reply => draft.Text = reply));

        machine.Configure(Completed).OnEntryAsync(async () => context.Keep(new ActionResult((await decisions.ActAsync(
            Scope(context), draft.Number!.Value, draft.Action!.Value, draft.Text, context.CancellationToken)).Outcome)));
    }

    protected override OutboundReply? Ask(IssuesState state, DialogContext context) => state switch
    {
        AwaitingReport => AskReport(context),
        AwaitingAction => AskAction(context),
        AwaitingReason => new OutboundReply(context.Text("Issues_AskReason")),
        AwaitingReply => new OutboundReply(context.Text("Issues_AskReply")),
        Completed => Done(context),
        _ => null,
    };

    private OutboundReply AskReport(DialogContext context)
    {
        var queue = context.Loaded<Queue>()!.Reports;
        if (queue.Count == 0)
        {
            return AdminReplies.WithMenu(context, context.Text("Issues_Empty"));
        }

        return new OutboundReply(context.Text("Issues_List", queue.Count))
        {
            Buttons = [.. queue.Select(report => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                string.Join(" · ", $"№{report.Number}", ReportNames.Status(context.Language, report.Status),
                    ReportNames.Category(context.Language, report.Category), messages.Place(context, report.CommunityId)),
                ReportPrefix + report.Number.ToString(CultureInfo.InvariantCulture))])],
        };
    }

    /// <summary>The report as filed, and the steps its status still allows, then Reply.</summary>
    private OutboundReply AskAction(DialogContext context)
    {
        if (context.Loaded<Chosen>() is not var (report, reporter))
        {
            // Closed by another moderator meanwhile.
            return Next(context, context.Text("Problem_IssueUnavailable"));
        }

        var text = context.Text(
            "Issues_Details",
            report.Number,
            ReportNames.Category(context.Language, report.Category),
            ReportNames.Status(context.Language, report.Status),
            messages.Place(context, report.CommunityId),
            report.Description,
            ReportNames.Place(report) is { Length: > 0 } place ? place : "—",
            report.PhotoIds.Count,
            reporter?.Name ?? (report.Open311KeyId is { } keyId ? context.Text("Issues_ReporterOpen311", keyId) : "—"),
            context.Text(report.AnonymousToPublic ? "Issues_AnonymousYes" : "Issues_AnonymousNo"),
            KyivTime.Format(report.CreatedAt));
        var steps = new (ReportStatus Status, ReportAction Action, string Key)[]
        {
            (ReportStatus.Acknowledged, ReportAction.Acknowledge, "Issues_Acknowledge"),
            (ReportStatus.InProgress, ReportAction.StartWork, "Issues_InProgress"),
            (ReportStatus.Resolved, ReportAction.Resolve, "Issues_Resolve"),
            (ReportStatus.Rejected, ReportAction.Reject, "Issues_Reject"),
        };
        return new OutboundReply(text)
        {
            Buttons =
            [
                .. steps.Where(step => report.CanMoveTo(step.Status)).Select(step => Button(context, step.Key, step.Action)).Chunk(2),
                [Button(context, "Issues_Reply", ReportAction.Reply)],
            ],
        };
    }

    private static OutboundReply Done(DialogContext context)
    {
        var outcome = context.Loaded<ActionResult>()!.Outcome;
        if (outcome != ModerationOutcome.Done)
        {
            return AdminReplies.NotDone(context, outcome);
        }

        var draft = new IssuesDraft(context.Session);
        return Next(context, draft.Action switch
        {
            ReportAction.Reply => context.Text("Issues_Replied", draft.Number),
            var action => context.Text("Issues_Moved", draft.Number, ReportNames.Status(context.Language, StatusAfter(action!.Value))),
        });
    }

    private static OutboundReply Next(DialogContext context, string text) => new(text)
    {
        Buttons = [[new ReplyButton(context.Text("Issues_Next"), "/issues"), new ReplyButton(context.Text("Menu_Button"), "/menu")]],
    };

    private static bool TakeReport(DialogContext context, IssuesDraft draft)
    {
        if (context.Loaded<Chosen>() is not { } chosen)
        {
            context.Problem = context.Text(ChosenNumber(context) is null ? "Problem_UnexpectedInput" : "Problem_IssueUnavailable");
            return false;
        }

        draft.Number = chosen.Report.Number;
        return true;
    }

    private static IssuesState? TakeAction(DialogContext context, IssuesDraft draft)
    {
        if (context.Loaded<Chosen>() is not { } chosen)
        {
            return null; // Asking again says it is gone.
        }

        var pressed = context.Message.ButtonData ?? "";
        if (!pressed.StartsWith(ActionPrefix, StringComparison.Ordinal)
            || !Enum.TryParse<ReportAction>(pressed[ActionPrefix.Length..], out var action)
            || (action != ReportAction.Reply && !chosen.Report.CanMoveTo(StatusAfter(action))))
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return null;
        }

        draft.Action = action;
        return action switch
        {
            ReportAction.Reject => AwaitingReason,
            ReportAction.Reply => AwaitingReply,
            _ => Completed,
        };
    }

    private static ReportStatus StatusAfter(ReportAction action) => action switch
    {
        ReportAction.Acknowledge => ReportStatus.Acknowledged,
        ReportAction.StartWork => ReportStatus.InProgress,
        ReportAction.Resolve => ReportStatus.Resolved,
        _ => ReportStatus.Rejected,
    };

    private static ReplyButton Button(DialogContext context, string key, ReportAction action) =>
        new(context.Text(key), ActionPrefix + action);

    /// <summary>A pressed report button, or the number given with the command ("/issues 42").</summary>
    private static long? ChosenNumber(DialogContext context)
    {
        var chosen = BotCommand.From(context.Message) is { Name: Command, Argument.Length: > 0 } command
            ? command.Argument
            : context.Message.ButtonData is { } pressed && pressed.StartsWith(ReportPrefix, StringComparison.Ordinal) ? pressed[ReportPrefix.Length..] : null;
        return long.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private sealed record Queue(IReadOnlyList<ProblemReport> Reports);

    /// <summary>The report chosen, still open and in the moderator's communities, and its reporter.</summary>
    private sealed record Chosen(ProblemReport Report, Resident? Reporter);
}
