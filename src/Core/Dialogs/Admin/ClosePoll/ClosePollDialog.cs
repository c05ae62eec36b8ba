using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.ClosePoll.ClosePollState;

namespace Hromada.Core.Dialogs.Admin.ClosePoll;

/// <summary>
/// /closepoll: the open polls of the moderator's communities, one chosen, a confirmation showing how
/// many answered, then the poll closes and everyone who answered is sent the results.
/// </summary>
public sealed class ClosePollDialog(
    AdminGuard guard, PollModeration moderation, IPollStore polls, IBallotStore ballots, CommunityDirectory communities, PollMessages messages)
    : AdminDialog<ClosePollState>(guard)
{
    public const string PollPrefix = "poll:";

    public override string Name => "closepoll";

    public override IReadOnlyList<string> Commands => ["/closepoll"];

    protected override ClosePollState FirstState => AwaitingPoll;

    /// <summary>With nothing open there is nothing to close: the dialog says so and ends.</summary>
    protected override async Task BeginAsync(DialogContext context)
    {
        await base.BeginAsync(context);
        if (context.Loaded<OpenPolls>() is { Polls.Count: 0 })
        {
            context.Session.Leave();
        }
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        var awaitingPoll = context.Session.State == nameof(AwaitingPoll);
        var open = await polls.ListOpenAsync(Scope(context).CommunitiesIn(communities), context.Now, context.CancellationToken);
        context.Keep(new OpenPolls(open));

        var pollId = awaitingPoll ? PollIdIn(context.Message.ButtonData) : new PollDraft(context.Session).PollId;
        if (open.FirstOrDefault(poll => poll.Id == pollId) is { } chosen)
        {
            context.Keep(new ChosenPoll(chosen, await ballots.CountAsync(chosen.Id, context.CancellationToken)));
        }
    }

    protected override void Configure(StateMachine<ClosePollState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new PollDraft(context.Session);
        Step(machine.Configure(AwaitingPoll), OptionChosen, AwaitingConfirmation, () => TakePoll(context, draft));
        machine.Configure(AwaitingConfirmation).Permit(Confirmed, Completed);
        machine.Configure(Completed).OnEntryAsync(async () => context.Keep(new ActionResult(
            await moderation.CloseAsync(Scope(context), draft.PollId!, context.Now, context.CancellationToken))));
    }

    protected override OutboundReply? Ask(ClosePollState state, DialogContext context) => state switch
    {
        AwaitingPoll when context.Loaded<OpenPolls>()!.Polls.Count == 0 => AdminReplies.WithMenu(context, context.Text("ClosePoll_None")),
        AwaitingPoll => new OutboundReply(context.Text("ClosePoll_List"))
        {
            Buttons = [.. context.Loaded<OpenPolls>()!.Polls.Select(poll => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                $"{PollLabel.Shorten(poll.Question)} · {messages.Place(context, poll.CommunityId)}", PollPrefix + poll.Id)])],
        },
        AwaitingConfirmation => Confirmation(context),
        Completed when context.Loaded<ActionResult>()!.Outcome == ModerationOutcome.Done =>
            AdminReplies.WithMenu(context, context.Text("ClosePoll_Done", context.Loaded<ChosenPoll>()?.Voters ?? 0)),
        Completed => AdminReplies.NotDone(context, context.Loaded<ActionResult>()!.Outcome),
        _ => null,
    };

    private OutboundReply Confirmation(DialogContext context)
    {
        if (context.Loaded<ChosenPoll>() is not { } chosen)
        {
            return AdminReplies.WithMenu(context, context.Text("Admin_NotFound"));
        }

        return new OutboundReply(context.Text("ClosePoll_Confirm", messages.Describe(context, chosen.Poll), chosen.Voters))
        {
            Buttons = [[new ReplyButton(context.Text("ClosePoll_Button"), "confirm"), new ReplyButton(context.Text("Admin_Cancel"), "/cancel")]],
        };
    }

    private static bool TakePoll(DialogContext context, PollDraft draft)
    {
        if (context.Loaded<ChosenPoll>() is not { } chosen)
        {
            context.Problem = context.Text("Problem_PollUnavailable");
            return false;
        }

        draft.PollId = chosen.Poll.Id;
        return true;
    }

    private static string? PollIdIn(string? pressed) =>
        pressed is not null && pressed.StartsWith(PollPrefix, StringComparison.Ordinal) ? pressed[PollPrefix.Length..] : null;

    private sealed record OpenPolls(IReadOnlyList<Poll> Polls);

    /// <summary>The poll chosen, still open and in the moderator's communities, and how many answered it.</summary>
    private sealed record ChosenPoll(Poll Poll, int Voters);
}
