using System.Text;
using FluentValidation;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Ideas;
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
/// with a typed reason; either way its author is told. The proposed ideas wait in the same queue (published,
/// or rejected with a reason), followed by the published ideas still on their way, each moved one step on.
/// </summary>
public sealed class ModerateDialog(
    AdminGuard guard, PollModeration moderation, IdeaDecisions ideas, IResidentStore residents, PollMessages messages)
    : AdminDialog<ModerateState>(guard)
{
    public const string ProposalPrefix = "proposal:";
    public const string IdeaPrefix = "idea:";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Advance = "advance";

    private static readonly ReasonValidator ReasonRule = new();

    public override string Name => "moderate";

    public override IReadOnlyList<string> Commands => ["/moderate"];

    protected override ModerateState FirstState => AwaitingProposal;

    /// <summary>With an empty queue there is nothing to decide: the dialog says so and ends.</summary>
    protected override async Task BeginAsync(DialogContext context)
    {
        await base.BeginAsync(context);
        if (context.Loaded<Queue>() is { IsEmpty: true })
        {
            context.Session.Leave();
        }
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        var choosing = context.Session.State == nameof(AwaitingProposal);
        var queue = await moderation.QueueAsync(Scope(context), context.CancellationToken);
        context.Keep(new Queue(
            queue,
            choosing ? await ideas.ProposedAsync(Scope(context), context.CancellationToken) : [],
            choosing ? await ideas.InProgressAsync(Scope(context), context.CancellationToken) : []));

        var pollId = choosing ? IdIn(context.Message.ButtonData, ProposalPrefix) : new PollDraft(context.Session).PollId;
        if (queue.FirstOrDefault(poll => poll.Id == pollId) is { } chosen)
        {
            var author = chosen.AuthorResidentId is { } authorId ? await residents.GetAsync(authorId, context.CancellationToken) : null;
            context.Keep(new Proposal(chosen, author));
        }

        var ideaId = choosing ? IdIn(context.Message.ButtonData, IdeaPrefix) : new AdminDraft(context.Session).IdeaId;
        if (ideaId is not null
            && await ideas.FindAsync(Scope(context), ideaId, context.CancellationToken) is { Subject: { } idea }
            && Idea.NextStatuses(idea.Status).Count > 0)
        {
            context.Keep(new ChosenIdea(idea, await residents.GetAsync(idea.AuthorResidentId, context.CancellationToken)));
        }
    }

    protected override void Configure(StateMachine<ModerateState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new PollDraft(context.Session);
        var decision = new AdminDraft(context.Session);

        Step(machine.Configure(AwaitingProposal), OptionChosen, AwaitingDecision, () => TakeProposal(context, draft, decision));
        Fork(machine.Configure(AwaitingDecision), OptionChosen, () => TakeDecision(context, decision), AwaitingClosingTime, AwaitingReason, Completed);

        var closing = machine.Configure(AwaitingClosingTime);
        Step(closing, OptionChosen, Completed, () => ClosingTimeQuestion.Take(context, decision));
        Step(closing, TextReceived, Completed, () => ClosingTimeQuestion.Take(context, decision));

        Step(machine.Configure(AwaitingReason), TextReceived, Completed,
            () => context.Accept(ReasonRule, context.Message.Text?.Trim() ?? "", reason => decision.Reason = reason));

        machine.Configure(Completed).OnEntryAsync(async () =>
        {
            var by = Scope(context);
            var outcome = decision.IdeaId is { } ideaId
                ? (await ideas.DecideAsync(by, ideaId, decision.IdeaStatus ?? IdeaStatus.Rejected, decision.Reason, context.CancellationToken)).Outcome
                : decision.ClosesAt is { } closesAt
                ? (await moderation.ApproveAsync(by, draft.PollId!, context.Now, closesAt, context.CancellationToken)).Outcome
                : (await moderation.RejectAsync(by, draft.PollId!, decision.Reason!, context.CancellationToken)).Outcome;
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
        var queue = context.Loaded<Queue>()!;
        if (queue.IsEmpty)
        {
            return AdminReplies.WithMenu(context, context.Text("Moderate_Empty"));
        }

        var text = context.Text("Moderate_List", queue.Proposals.Count + queue.Ideas.Count);
        if (queue.InProgress.Count > 0)
        {
            text += "\n" + context.Text("Moderate_IdeasInProgress", queue.InProgress.Count);
        }

        return new OutboundReply(text)
        {
            Buttons =
            [
                .. queue.Proposals.Select(poll => Row(
                    $"{PollLabel.Shorten(poll.Question)} · {messages.Place(context, poll.CommunityId)}", ProposalPrefix + poll.Id)),
                .. queue.Ideas.Concat(queue.InProgress).Select(idea => Row(
                    $"💡 {PollLabel.Shorten(idea.Title)} · {context.Text($"IdeaStatus_{idea.Status}")} · {messages.Place(context, idea.CommunityId)}",
                    IdeaPrefix + idea.Id)),
            ],
        };
    }

    /// <summary>The proposal as its author wrote it, where and when, and the two decisions.</summary>
    private OutboundReply AskDecision(DialogContext context)
    {
        if (context.Loaded<ChosenIdea>() is var (idea, ideaAuthor))
        {
            return AskIdeaDecision(context, idea, ideaAuthor);
        }

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

    /// <summary>The idea as its author wrote it, and Publish / Reject for a proposal, or the one step on for a published idea.</summary>
    private OutboundReply AskIdeaDecision(DialogContext context, Idea idea, Resident? author)
    {
        var text = $"💡 {idea.Title}\n\n{idea.Text}\n\n" + context.Text(
            "Moderate_IdeaDetails",
            context.Text($"IdeaStatus_{idea.Status}"),
            messages.Place(context, idea.CommunityId),
            context.Text($"Sphere_{idea.Sphere}"),
            author?.Name ?? "—",
            KyivTime.Format(idea.CreatedAt));
        IReadOnlyList<ReplyButton> buttons = idea.Status == IdeaStatus.Proposed
            ? [new ReplyButton(context.Text("Moderate_Publish"), Approve), new ReplyButton(context.Text("Moderate_Reject"), Reject)]
            : [new ReplyButton(context.Text("Moderate_MoveTo", context.Text($"IdeaStatus_{Idea.NextStatuses(idea.Status)[0]}")), Advance)];
        return new OutboundReply(text) { PhotoUrl = idea.PhotoId, Buttons = [buttons] };
    }

    private static OutboundReply Decided(DialogContext context)
    {
        var outcome = context.Loaded<ActionResult>()!.Outcome;
        if (outcome != ModerationOutcome.Done)
        {
            return AdminReplies.NotDone(context, outcome);
        }

        var decision = new AdminDraft(context.Session);
        var closesAt = decision.ClosesAt;
        var text = decision.IdeaId is not null
            ? context.Text("Moderate_IdeaDecided", context.Text($"IdeaStatus_{decision.IdeaStatus ?? IdeaStatus.Rejected}"))
            : closesAt is { } at ? context.Text("Moderate_Approved", KyivTime.Format(at)) : context.Text("Moderate_Rejected");
        return new OutboundReply(text)
        {
            Buttons = [[new ReplyButton(context.Text("Moderate_Next"), "/moderate"), new ReplyButton(context.Text("Menu_Button"), "/menu")]],
        };
    }

    private static bool TakeProposal(DialogContext context, PollDraft draft, AdminDraft decision)
    {
        if (context.Loaded<ChosenIdea>() is { } chosen)
        {
            decision.IdeaId = chosen.Idea.Id;
            return true;
        }

        if (context.Loaded<Proposal>() is not { } proposal)
        {
            context.Problem = context.Text("Problem_ProposalUnavailable");
            return false;
        }

        draft.PollId = proposal.Poll.Id;
        return true;
    }

    private static ModerateState? TakeDecision(DialogContext context, AdminDraft decision)
    {
        if (context.Loaded<ChosenIdea>() is { } chosen)
        {
            return TakeIdeaDecision(context, chosen.Idea, decision);
        }

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

    /// <summary>A proposed idea is published now or rejected with a reason; a published one moves its one step on.</summary>
    private static ModerateState? TakeIdeaDecision(DialogContext context, Idea idea, AdminDraft decision)
    {
        var proposed = idea.Status == IdeaStatus.Proposed;
        switch (context.Message.ButtonData)
        {
            case Approve when proposed:
                decision.IdeaStatus = IdeaStatus.Published;
                return Completed;
            case Reject when proposed:
                decision.IdeaStatus = IdeaStatus.Rejected;
                return AwaitingReason;
            case Advance when !proposed:
                decision.IdeaStatus = Idea.NextStatuses(idea.Status)[0];
                return Completed;
            default:
                context.Problem = context.Text("Problem_UnexpectedInput");
                return null;
        }
    }

    private static IReadOnlyList<ReplyButton> Row(string label, string data) => [new ReplyButton(label, data)];

    private static string? IdIn(string? pressed, string prefix) =>
        pressed is not null && pressed.StartsWith(prefix, StringComparison.Ordinal) ? pressed[prefix.Length..] : null;

    /// <param name="Ideas">Proposed ideas; read only while choosing, like <paramref name="InProgress"/>.</param>
    /// <param name="InProgress">Published ideas that may still move a step on.</param>
    private sealed record Queue(IReadOnlyList<Poll> Proposals, IReadOnlyList<Idea> Ideas, IReadOnlyList<Idea> InProgress)
    {
        public bool IsEmpty => Proposals.Count == 0 && Ideas.Count == 0 && InProgress.Count == 0;
    }

    /// <summary>The idea chosen, in the moderator's communities and not yet final, and its author.</summary>
    private sealed record ChosenIdea(Idea Idea, Resident? Author);

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
