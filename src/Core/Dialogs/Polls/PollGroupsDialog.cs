using Hromada.Core.Conversations;
using Hromada.Core.Polls;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>
/// "/pollgroups &lt;poll id&gt;", sent by the "By groups" button under a poll's totals: the results by
/// community, age group and gender (<see cref="PollBreakdown"/>). Like the totals, only for a resident
/// who voted, or once the poll has closed. A button command, so it has no Command_ text and stays out
/// of the platforms' command menus.
/// </summary>
public sealed class PollGroupsDialog(IPollStore polls, IBallotStore ballots, PollBreakdowns breakdowns, PollMessages messages) : IDialog
{
    public const string Command = "/pollgroups";

    public string Name => "pollgroups";

    public IReadOnlyList<string> Commands => [Command];

    public async Task StartAsync(DialogContext context)
    {
        var resident = context.Resident!;
        var pollId = BotCommand.From(context.Message)?.Argument;
        var poll = string.IsNullOrEmpty(pollId) ? null : await polls.GetAsync(pollId, context.CancellationToken);
        string text;
        if (poll is null || !PollAudience.MaySee(resident, poll, context.Now))
        {
            text = context.Text("Problem_PollUnavailable");
        }
        else if (poll.IsOpenAt(context.Now) && await ballots.FindAsync(poll.Id, resident.Id, context.CancellationToken) is null)
        {
            text = context.Text("Groups_VoteFirst");
        }
        else
        {
            text = messages.Breakdown(context, poll, await breakdowns.ForAsync(poll, context.Now, context.CancellationToken));
        }

        context.Reply(new OutboundReply(text)
        {
            Buttons = [[new ReplyButton(context.Text("Polls_Other"), "/polls"), new ReplyButton(context.Text("Menu_Button"), "/menu")]],
        });
    }
}
