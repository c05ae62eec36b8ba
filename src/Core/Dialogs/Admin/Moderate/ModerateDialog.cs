using System.Text;
using FluentValidation;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.Moderate.ModerateState;

namespace Hromada.Core.Dialogs.Admin.Moderate;

/// <summary>
/// /moderate: the queue of polls residents proposed in the moderator's communities (blocked residents'
/// proposals hidden). A proposal is approved — the closing time is asked, then it opens — or rejected
/// with a typed reason; either way its author is told.
/// </summary>
public sealed class ModerateDialog(
    AdminGuard guard, PollModeration moderation, IResidentStore residents, PollMessages messages) : AdminDialog<ModerateState>(guard)
{
    public const string ProposalPrefix = "proposal:";
    public const string Approve = "approve";
    public const string Reject = "reject";

    private static readonly ReasonValidator ReasonRule = new();

    public override string Name => "moderate";

    public override IReadOnlyList<string> Commands => ["/moderate"];

    protected override ModerateState FirstState => AwaitingProposal;

    /// <summary>With an empty queue there is nothing to decide: the dialog says so and ends.</summary>
    protected override async Task BeginAsync(DialogContext context)
    {
        await base.BeginAsync(context);
        if (context.Loaded<Queue>() is { Proposals.Count: 0 })
        {
            context.Session.Leave();
        }
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        var queue = await moderation.QueueAsync(Scope(context), context.CancellationToken);
        context.Keep(new Queue(queue));

        var pollId = context.Session.State == nameof(AwaitingProposal)
            ? ProposalIdIn(context.Message.ButtonData)
            : new PollDraft(context.Session).PollId;
        if (queue.FirstOrDefault(poll => poll.Id == pollId) is { } chosen)
        {
            var author = chosen.AuthorResidentId is { } authorId ? await residents.GetAsync(authorId, context.CancellationToken) : null;
            context.Keep(new Proposal(chosen, author));
        }
    }

    protected override void Configure(StateMachine<ModerateState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new PollDraft(context.Session);
        var decision = new AdminDraft(context.Session);

        Step(machine.Configure(AwaitingProposal), OptionChosen, AwaitingDecision, () => TakeProposal(context, draft));
        Fork(machine.Configure(AwaitingDecision), OptionChosen, () => TakeDecision(context), AwaitingClosingTime, AwaitingReason);

        var closing = machine.Configure(AwaitingClosingTime);
        Step(closing, OptionChosen, Completed, () => ClosingTimeQuestion.Take(context, decision));
        Step(closing, TextReceived, Completed, () => ClosingTimeQuestion.Take(context, decision));

        Step(machine.Configure(AwaitingReason), TextReceived, Completed,
            () => context.Accept(ReasonRule, context.Message.Text?.Trim() ?? "", reason => decision.Reason = reason));

        machine.Configure(Completed).OnEntryAsync(async () =>
        {
            var by = Scope(context);
            var outcome = decision.ClosesAt is { } closesAt
                ? await moderation.ApproveAsync(by, draft.PollId!, context.Now, closesAt, context.CancellationToken)
                : await moderation.RejectAsync(by, draft.PollId!, decision.Reason!, context.CancellationToken);
            context.Keep(new ActionResult(outcome));
        });
    }

    protected override OutboundReply? Ask(ModerateState state, DialogContext context) => state switch
    {
        AwaitingProposal => AskProposal(context),
        AwaitingDecision => AskDecision(context),
        AwaitingClosingTime => ClosingTimeQuestion.Ask(context),
        AwaitingReason => new OutboundReply(context.Text("Moderate_AskReason")),
        Completed => Decided(context),
        _ => null,
    };

    private OutboundReply AskProposal(DialogContext context)
    {
        var queue = context.Loaded<Queue>()!.Proposals;
        if (queue.Count == 0)
        {
            return AdminReplies.WithMenu(context, context.Text("Moderate_Empty"));
        }

        return new OutboundReply(context.Text("Moderate_List", queue.Count))
        {
            Buttons = [.. queue.Select(poll => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                $"{PollLabel.Shorten(poll.Question)} · {messages.Place(context, poll.CommunityId)}", ProposalPrefix + poll.Id)])],
        };
    }

    /// <summary>The proposal as its author wrote it, where and when, and the two decisions.</summary>
    private OutboundReply AskDecision(DialogContext context)
    {
        if (context.Loaded<Proposal>() is not var (poll, author))
        {
            // Decided by another moderator meanwhile.
            return new OutboundReply(context.Text("Problem_ProposalUnavailable"))
            {
                Buttons = [[new ReplyButton(context.Text("Moderate_Next"), "/moderate")]],
            };
        }

        var text = new StringBuilder(messages.Describe(context, poll)).Append("\n\n")
            .AppendJoin('\n', poll.Options.Select((option, index) => $"{index + 1}. {option}"));
        text.Append("\n\n").Append(context.Text(
            "Moderate_Details",
            string.Join(", ", poll.Spheres.Select(sphere => context.Text($"Sphere_{sphere}"))),
            author?.Name ?? "—",
            KyivTime.Format(poll.CreatedAt)));
        return new OutboundReply(text.ToString())
        {
            Buttons =
            [
                [new ReplyButton(context.Text("Moderate_Approve"), Approve), new ReplyButton(context.Text("Moderate_Reject"), Reject)],
            ],
        };
    }

    private static OutboundReply Decided(DialogContext context)
    {
        var outcome = context.Loaded<ActionResult>()!.Outcome;
        if (outcome != ModerationOutcome.Done)
        {
            return AdminReplies.NotDone(context, outcome);
        }

        var closesAt = new AdminDraft(context.Session).ClosesAt;
        var text = closesAt is { } at ? context.Text("Moderate_Approved", KyivTime.Format(at)) : context.Text("Moderate_Rejected");
        return new OutboundReply(text)
        {
            Buttons = [[new ReplyButton(context.Text("Moderate_Next"), "/moderate"), new ReplyButton(context.Text("Menu_Button"), "/menu")]],
        };
    }

    private static bool TakeProposal(DialogContext context, PollDraft draft)
    {
        if (context.Loaded<Proposal>() is not { } proposal)
        {
            context.Problem = context.Text("Problem_ProposalUnavailable");
            return false;
        }

        draft.PollId = proposal.Poll.Id;
        return true;
    }

    private static ModerateState? TakeDecision(DialogContext context)
    {
        if (context.Loaded<Proposal>() is null)
        {
            return null; // Asking again says it is gone.
        }

        switch (context.Message.ButtonData)
        {
            case Approve:
                return AwaitingClosingTime;
            case Reject:
                return AwaitingReason;
            default:
                context.Problem = context.Text("Problem_UnexpectedInput");
                return null;
        }
    }

    private static string? ProposalIdIn(string? pressed) =>
        pressed is not null && pressed.StartsWith(ProposalPrefix, StringComparison.Ordinal) ? pressed[ProposalPrefix.Length..] : null;

    private sealed record Queue(IReadOnlyList<Poll> Proposals);

    /// <summary>The proposal chosen, still waiting in the moderator's queue, and its author.</summary>
    private sealed record Proposal(Poll Poll, Resident? Author);
}

/// <summary>A rejection's reason: said in a sentence or a few, since the author reads it. Error codes are text keys.</summary>
public sealed class ReasonValidator : AbstractValidator<string>
{
    public const int MinLength = 5;
    public const int MaxLength = 500;

    public ReasonValidator() =>
        RuleFor(reason => reason).Length(MinLength, MaxLength).WithErrorCode("Problem_ReasonLength").OverridePropertyName("reason");
}
