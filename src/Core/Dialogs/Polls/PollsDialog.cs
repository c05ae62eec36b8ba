using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Polls;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Polls.PollsState;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>
/// /polls: the open polls of the resident's community and the national level; choosing one shows its
/// options, and a vote shows the resident's own answer and the totals. Totals stay hidden from a
/// resident who has not voted on an open poll, and no reply ever holds another resident's answer.
/// Where the totals show, a "By groups" button opens <see cref="PollGroupsDialog"/>.
/// </summary>
public sealed class PollsDialog(IPollStore polls, IBallotStore ballots, PollMessages messages) : Dialog<PollsState>
{
    public const string PollPrefix = "poll:";
    public const string OptionPrefix = "option:";
    public const string Done = "done";
    public const string Back = "back";
    private const int LabelLength = 60;
    private const int ScaleButtonsPerRow = 5;

    public override string Name => "polls";

    public override IReadOnlyList<string> Commands => ["/polls"];

    protected override PollsState FirstState => AwaitingPoll;

    /// <summary>With nothing open there is nothing to choose: the dialog says so and ends.</summary>
    public override async Task StartAsync(DialogContext context)
    {
        await base.StartAsync(context);
        if (context.Loaded<OpenPolls>() is { Polls.Count: 0 })
        {
            context.Session.Leave();
        }
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        var state = Enum.Parse<PollsState>(context.Session.State!);
        var pressed = context.Message.ButtonData;
        if (state == AwaitingPoll || pressed == Back)
        {
            context.Keep(await OpenPollsAsync(context));
        }

        var pollId = state == AwaitingPoll ? PollIdIn(pressed) : new PollDraft(context.Session).PollId;
        if (pollId is not null && await ViewAsync(context, pollId) is { } view)
        {
            context.Keep(view);
        }
    }

    protected override void Configure(StateMachine<PollsState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new PollDraft(context.Session);

        Step(machine.Configure(AwaitingPoll), OptionChosen, AwaitingChoice, () => TakePoll(context, draft));

        // Stateless evaluates every guard of the trigger; the choice must be taken once.
        var back = context.Message.ButtonData == Back;
        var voted = new Lazy<bool>(() => TakeChoice(context, draft));
        machine.Configure(AwaitingChoice)
            .PermitIf(OptionChosen, AwaitingPoll, () => back)
            .PermitIf(OptionChosen, Completed, () => !back && voted.Value)
            .PermitReentryIf(OptionChosen, () => !back && !voted.Value);

        machine.Configure(Completed).OnEntryAsync(() => CastAsync(context, draft));
    }

    protected override OutboundReply? Ask(PollsState state, DialogContext context) => state switch
    {
        AwaitingPoll => AskPoll(context),
        AwaitingChoice => AskChoice(context, new PollDraft(context.Session)),
        Completed => Voted(context),
        _ => null,
    };

    private static OutboundReply AskPoll(DialogContext context)
    {
        var open = context.Loaded<OpenPolls>()!;
        if (open.Polls.Count == 0)
        {
            return new OutboundReply(context.Text("Polls_None"))
            {
                Buttons = [[Button(context, "Menu_Propose", "/propose"), Button(context, "Menu_Button", "/menu")]],
            };
        }

        var buttons = open.Polls
            .Select(poll => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                (open.Answered.Contains(poll.Id) ? "✅ " : "") + Shorten(poll.Question), PollPrefix + poll.Id)])
            .ToList();
        return new OutboundReply(context.Text("Polls_List")) { Buttons = buttons };
    }

    /// <summary>The question with its options; the resident's answer and the totals once they voted, or once it closed.</summary>
    private OutboundReply AskChoice(DialogContext context, PollDraft draft)
    {
        var backRow = (IReadOnlyList<ReplyButton>)[Button(context, "Polls_Back", Back)];
        if (context.Loaded<PollView>() is not { } view)
        {
            return new OutboundReply(context.Text("Problem_PollUnavailable")) { Buttons = [backRow] };
        }

        var (poll, ballot, tally) = view;
        var text = new List<string> { messages.Describe(context, poll) };
        if (!poll.IsOpenAt(context.Now))
        {
            text.Add(context.Text("Polls_Closed"));
            text.Add(PollMessages.Results(context, poll, tally!));
            return new OutboundReply(string.Join("\n\n", text)) { Buttons = [[PollMessages.ByGroupsButton(context, poll)], backRow] };
        }

        if (ballot is not null)
        {
            text.Add(PollMessages.Answer(context, poll, ballot.Choices));
            text.Add(PollMessages.Results(context, poll, tally!));
            text.Add(context.Text("Polls_CanChange"));
        }

        text.Add(poll.Type switch
        {
            PollType.MultipleChoice => context.Text("Polls_ChooseUpTo", poll.MaxChoices),
            PollType.Scale => context.Text("Polls_ChooseScale", poll.Options.Count),
            _ => context.Text("Polls_ChooseOne"),
        });
        IReadOnlyList<ReplyButton> lastRow = ballot is null ? backRow : [PollMessages.ByGroupsButton(context, poll), .. backRow];
        return new OutboundReply(string.Join("\n\n", text)) { Buttons = [.. OptionRows(context, poll, draft.Selected), lastRow] };
    }

    private static OutboundReply Voted(DialogContext context)
    {
        var vote = context.Loaded<CastVote>()!;
        var changed = vote.Before is not null && vote.Ballot.Changes > vote.Before.Changes;
        var text = string.Join(
            "\n\n",
            context.Text(changed ? "Polls_VoteChanged" : "Polls_Voted"),
            vote.Poll.Question,
            PollMessages.Answer(context, vote.Poll, vote.Ballot.Choices),
            PollMessages.Results(context, vote.Poll, vote.Tally),
            context.Text("Polls_CanChange"));
        return new OutboundReply(text)
        {
            Buttons =
            [
                [PollMessages.ByGroupsButton(context, vote.Poll)],
                [Button(context, "Polls_Other", "/polls"), Button(context, "Menu_Button", "/menu")],
            ],
        };
    }

    private static bool TakePoll(DialogContext context, PollDraft draft)
    {
        if (context.Loaded<PollView>() is not { } view)
        {
            context.Problem = context.Text("Problem_PollUnavailable");
            return false;
        }

        draft.PollId = view.Poll.Id;
        draft.Selected = view.Ballot?.Choices ?? [];
        return true;
    }

    /// <summary>
    /// A single or scale option votes at once. On a multiple-choice poll an option is ticked or
    /// unticked (and the question asked again) up to the maximum, and Done votes.
    /// </summary>
    private static bool TakeChoice(DialogContext context, PollDraft draft)
    {
        var poll = context.Loaded<PollView>()?.Poll;
        if (poll is null)
        {
            return false; // Withdrawn meanwhile: asking again says so.
        }

        if (!poll.IsOpenAt(context.Now))
        {
            context.Problem = context.Text("Problem_PollClosed");
            return false;
        }

        var pressed = context.Message.ButtonData;
        var option = OptionIn(pressed, poll);
        if (poll.Type != PollType.MultipleChoice && option is { } only)
        {
            draft.Selected = [only];
            return true;
        }

        var selected = draft.Selected;
        if (poll.Type == PollType.MultipleChoice && pressed == Done)
        {
            context.Problem = selected.Count == 0 ? context.Text("Problem_NoChoice") : null;
            return selected.Count > 0;
        }

        if (poll.Type != PollType.MultipleChoice || option is not { } toggled)
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
        }
        else if (selected.Contains(toggled))
        {
            draft.Selected = [.. selected.Where(index => index != toggled)];
        }
        else if (selected.Count >= poll.MaxChoices)
        {
            context.Problem = context.Text("Problem_TooManyChoices", poll.MaxChoices);
        }
        else
        {
            draft.Selected = [.. selected, toggled];
        }

        return false;
    }

    private async Task CastAsync(DialogContext context, PollDraft draft)
    {
        var (poll, before, _) = context.Loaded<PollView>()!;
        var ballot = await ballots.CastAsync(poll.Id, context.Resident!.Id, draft.Selected, context.Now, context.CancellationToken);
        var tally = await ballots.TallyAsync(poll, context.CancellationToken);
        context.Keep(new CastVote(poll, before, ballot, tally));
    }

    private async Task<OpenPolls> OpenPollsAsync(DialogContext context)
    {
        var resident = context.Resident!;
        var open = await polls.ListOpenAsync(PollAudience.CommunitiesOf(resident), context.Now, context.CancellationToken);
        var answered = new HashSet<string>();
        foreach (var poll in open)
        {
            if (await ballots.FindAsync(poll.Id, resident.Id, context.CancellationToken) is not null)
            {
                answered.Add(poll.Id);
            }
        }

        return new OpenPolls(open, answered);
    }

    /// <summary>
    /// The poll with the resident's own ballot. The totals are read only when the resident may see
    /// them: after their own vote, or once the poll has closed. Null for a poll not open to them.
    /// </summary>
    private async Task<PollView?> ViewAsync(DialogContext context, string pollId)
    {
        var poll = await polls.GetAsync(pollId, context.CancellationToken);
        if (poll is null || !PollAudience.MaySee(context.Resident!, poll, context.Now))
        {
            return null;
        }

        var ballot = await ballots.FindAsync(poll.Id, context.Resident!.Id, context.CancellationToken);
        var maySeeTotals = ballot is not null || !poll.IsOpenAt(context.Now);
        var tally = maySeeTotals ? await ballots.TallyAsync(poll, context.CancellationToken) : null;
        return new PollView(poll, ballot, tally);
    }

    private static IEnumerable<IReadOnlyList<ReplyButton>> OptionRows(DialogContext context, Poll poll, IReadOnlyList<int> selected)
    {
        var buttons = poll.Options.Select((label, index) =>
            new ReplyButton((selected.Contains(index) ? "✅ " : "") + label, OptionPrefix + index.ToString(CultureInfo.InvariantCulture)));
        return poll.Type switch
        {
            PollType.Scale => buttons.Chunk(ScaleButtonsPerRow),
            PollType.MultipleChoice => [.. buttons.Select(button => (IReadOnlyList<ReplyButton>)[button]), [Button(context, "Polls_Done", Done)]],
            _ => buttons.Select(button => (IReadOnlyList<ReplyButton>)[button]),
        };
    }

    private static string? PollIdIn(string? pressed) =>
        pressed is not null && pressed.StartsWith(PollPrefix, StringComparison.Ordinal) ? pressed[PollPrefix.Length..] : null;

    private static int? OptionIn(string? pressed, Poll poll) =>
        pressed is not null && pressed.StartsWith(OptionPrefix, StringComparison.Ordinal)
            && int.TryParse(pressed.AsSpan(OptionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < poll.Options.Count
            ? index
            : null;

    private static string Shorten(string text) => text.Length <= LabelLength ? text : text[..(LabelLength - 1)] + "…";

    private static ReplyButton Button(DialogContext context, string key, string data) => new(context.Text(key), data);

    /// <summary>The open polls listed, and which of them the resident answered.</summary>
    private sealed record OpenPolls(IReadOnlyList<Poll> Polls, IReadOnlySet<string> Answered);

    /// <summary>A poll as this resident may see it; <see cref="Tally"/> is null while they may not see totals.</summary>
    private sealed record PollView(Poll Poll, Ballot? Ballot, PollTally? Tally);

    private sealed record CastVote(Poll Poll, Ballot? Before, Ballot Ballot, PollTally Tally);
}
