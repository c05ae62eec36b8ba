using Hromada.Core.Admin;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Microsoft.Extensions.Logging;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Polls.NewPollState;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>
/// /newpoll, for super-admins: the poll in one message (first line the question, each next line an
/// option), a preview, and a button that opens it for the admin's community (or the national level)
/// for <see cref="Duration"/>.
/// </summary>
public sealed partial class NewPollDialog(
    IAdminDirectory admins, IPollStore polls, PollMessages messages, ILogger<NewPollDialog> logger) : Dialog<NewPollState>
{
    public static readonly TimeSpan Duration = TimeSpan.FromDays(7);

    private static readonly PollTextValidator TextRule = new();

    public override string Name => "newpoll";

    public override IReadOnlyList<string> Commands => ["/newpoll"];

    protected override NewPollState FirstState => AwaitingPoll;

    /// <summary>Refuses anyone but a super-admin; a poll given with the command is taken as the first answer.</summary>
    public override async Task StartAsync(DialogContext context)
    {
        var sender = context.Message.Sender;
        if (!admins.IsSuperAdmin(sender))
        {
            LogRefused(sender.ToString(), context.Resident?.Id);
            context.Reply("NewPoll_NotAllowed");
            return;
        }

        if (BotCommand.From(context.Message) is { Argument.Length: > 0 })
        {
            context.Session.Dialog = Name;
            context.Session.State = FirstState.ToString();
            await ContinueAsync(context);
            return;
        }

        await base.StartAsync(context);
    }

    protected override void Configure(StateMachine<NewPollState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new PollDraft(context.Session);
        Step(machine.Configure(AwaitingPoll), TextReceived, AwaitingConfirmation, () => TakePoll(context, draft));
        machine.Configure(AwaitingConfirmation).Permit(Confirmed, Completed);
        machine.Configure(Completed).OnEntryAsync(() => PublishAsync(context, draft));
    }

    protected override OutboundReply? Ask(NewPollState state, DialogContext context)
    {
        var draft = new PollDraft(context.Session);
        return state switch
        {
            AwaitingPoll => new OutboundReply(context.Text("NewPoll_Ask")),
            AwaitingConfirmation => new OutboundReply(context.Text(
                "NewPoll_Preview",
                draft.Question,
                string.Join('\n', draft.Options.Select((option, index) => $"{index + 1}. {option}")),
                messages.Place(context, CommunityOf(context)),
                KyivTime.Format(context.Now + Duration)))
            {
                Buttons = [[new ReplyButton(context.Text("NewPoll_Publish"), "confirm"), new ReplyButton(context.Text("NewPoll_Discard"), "/cancel")]],
            },
            Completed => new OutboundReply(context.Text("NewPoll_Published", KyivTime.Format(context.Now + Duration)))
            {
                Buttons = [[new ReplyButton(context.Text("Menu_Polls"), "/polls"), new ReplyButton(context.Text("Menu_Button"), "/menu")]],
            },
            _ => null,
        };
    }

    /// <summary>Takes the text after the command, or a message sent in answer to the question.</summary>
    private static bool TakePoll(DialogContext context, PollDraft draft)
    {
        var text = BotCommand.From(context.Message)?.Argument ?? context.Message.Text ?? "";
        return context.Accept(TextRule, PollText.Parse(text), poll =>
        {
            draft.Question = poll.Question;
            draft.Options = poll.Options;
        });
    }

    private async Task PublishAsync(DialogContext context, PollDraft draft)
    {
        var poll = new Poll
        {
            Id = Guid.NewGuid().ToString("N"),
            CommunityId = CommunityOf(context),
            Question = draft.Question!,
            Options = draft.Options,
            Status = PollStatus.Open,
            OpensAt = context.Now,
            ClosesAt = context.Now + Duration,
            AuthorResidentId = context.Resident!.Id,
            CreatedAt = context.Now,
        };
        await polls.SaveAsync(poll, context.CancellationToken);
        LogPublished(poll.Id, poll.CommunityId, poll.AuthorResidentId);
    }

    private static string CommunityOf(DialogContext context) => context.Resident?.CommunityId ?? Community.NationalId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused /newpoll from {Identity} (resident {ResidentId}): not a super-admin")]
    private partial void LogRefused(string identity, string? residentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} opened for {CommunityId} by resident {ResidentId}")]
    private partial void LogPublished(string pollId, string communityId, string residentId);
}
