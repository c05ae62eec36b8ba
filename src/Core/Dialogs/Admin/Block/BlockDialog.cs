using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.Block.BlockState;

namespace Hromada.Core.Dialogs.Admin.Block;

/// <summary>
/// /block and /unblock (one dialog: they differ only in the action): who, by identity key or verified
/// phone (or given with the command: <c>/block telegram:123</c>), a confirmation naming them, done.
/// Only a moderator of the resident's community may; see <see cref="ResidentBlocks"/>.
/// </summary>
public sealed class BlockDialog(AdminGuard guard, ResidentBlocks blocks, ResidentQuestion who) : AdminDialog<BlockState>(guard)
{
    public const string BlockCommand = "/block";
    public const string UnblockCommand = "/unblock";

    public override string Name => "block";

    public override IReadOnlyList<string> Commands => [BlockCommand, UnblockCommand];

    protected override BlockState FirstState => AwaitingResident;

    /// <summary>Remembers which of the two commands started it; a resident given with the command answers the first question.</summary>
    protected override Task BeginAsync(DialogContext context)
    {
        new AdminDraft(context.Session).Command = BotCommand.From(context.Message)?.Name ?? BlockCommand;
        return Argument(context).Length == 0 ? base.BeginAsync(context) : AnswerFirstQuestionAsync(context);
    }

    protected override Task LoadAsync(DialogContext context) =>
        who.LoadAsync(context, new AdminDraft(context.Session), context.Session.State == nameof(AwaitingResident) ? Answer(context) : null);

    protected override void Configure(StateMachine<BlockState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new AdminDraft(context.Session);
        Step(machine.Configure(AwaitingResident), TextReceived, AwaitingConfirmation, () => ResidentQuestion.Take(context, draft));
        machine.Configure(AwaitingConfirmation).Permit(Confirmed, Completed);
        machine.Configure(Completed).OnEntryAsync(async () =>
        {
            var target = ResidentQuestion.Target(context)!;
            var outcome = Blocking(draft)
                ? await blocks.BlockAsync(Scope(context), target, context.CancellationToken)
                : await blocks.UnblockAsync(Scope(context), target, context.CancellationToken);
            context.Keep(new ActionResult(outcome));
        });
    }

    protected override OutboundReply? Ask(BlockState state, DialogContext context)
    {
        var draft = new AdminDraft(context.Session);
        var action = Blocking(draft) ? "Block" : "Unblock";
        return state switch
        {
            AwaitingResident => ResidentQuestion.Ask(context, $"{action}_AskResident"),
            AwaitingConfirmation => new OutboundReply(context.Text($"{action}_Confirm", who.Describe(context, ResidentQuestion.Target(context)!)))
            {
                Buttons = [[new ReplyButton(context.Text($"{action}_Button"), "confirm"), new ReplyButton(context.Text("Admin_Cancel"), "/cancel")]],
            },
            Completed when context.Loaded<ActionResult>()!.Outcome == ModerationOutcome.Done =>
                AdminReplies.WithMenu(context, context.Text($"{action}_Done", who.Describe(context, ResidentQuestion.Target(context)!))),
            Completed => AdminReplies.NotDone(context, context.Loaded<ActionResult>()!.Outcome),
            _ => null,
        };
    }

    private static bool Blocking(AdminDraft draft) => draft.Command != UnblockCommand;
}
