using Hromada.Core.Broadcasts;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.Broadcast.CancelBroadcastState;

namespace Hromada.Core.Dialogs.Admin.Broadcast;

/// <summary>
/// /cancelbroadcast: the moderator's broadcasts still queued or sending, one pressed, and what is not
/// yet delivered of it is dropped (what was sent stays sent).
/// </summary>
public sealed class CancelBroadcastDialog(
    AdminGuard guard, BroadcastSender sender, IBroadcastStore broadcasts, CommunityDirectory communities)
    : AdminDialog<CancelBroadcastState>(guard)
{
    public const string BroadcastPrefix = "broadcast:";

    /// <summary>How far back the moderator's broadcasts are looked through for running ones.</summary>
    private const int RecentLooked = 20;

    public override string Name => "cancelbroadcast";

    public override IReadOnlyList<string> Commands => ["/cancelbroadcast"];

    protected override CancelBroadcastState FirstState => AwaitingBroadcast;

    /// <summary>With nothing running there is nothing to cancel: the dialog says so and ends.</summary>
    protected override async Task BeginAsync(DialogContext context)
    {
        await base.BeginAsync(context);
        if (context.Loaded<Running>() is { Broadcasts.Count: 0 })
        {
            context.Session.Leave();
        }
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        if (context.Session.State != nameof(AwaitingBroadcast))
        {
            return;
        }

        var recent = await broadcasts.ListRecentAsync(Scope(context).Actor.AuthorId, RecentLooked, context.CancellationToken);
        context.Keep(new Running([.. recent.Where(broadcast => broadcast.Status is BroadcastStatus.Queued or BroadcastStatus.Sending)]));
    }

    /// <summary>Any pressed broadcast is tried: <see cref="BroadcastSender.CancelAsync"/> says whether it may be cancelled.</summary>
    protected override void Configure(StateMachine<CancelBroadcastState, DialogTrigger> machine, DialogContext context)
    {
        machine.Configure(AwaitingBroadcast).Permit(OptionChosen, Completed);
        machine.Configure(Completed).OnEntryAsync(async () => context.Keep(new ActionResult(
            await sender.CancelAsync(Scope(context), BroadcastIdIn(context.Message.ButtonData), context.CancellationToken))));
    }

    protected override OutboundReply? Ask(CancelBroadcastState state, DialogContext context) => state switch
    {
        AwaitingBroadcast when context.Loaded<Running>()!.Broadcasts.Count == 0 =>
            AdminReplies.WithMenu(context, context.Text("CancelBroadcast_None")),
        AwaitingBroadcast => new OutboundReply(context.Text("CancelBroadcast_List"))
        {
            Buttons = [.. context.Loaded<Running>()!.Broadcasts.Select(broadcast => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                BroadcastDialog.Label(context, communities, broadcast), BroadcastPrefix + broadcast.Id)])],
        },
        Completed when context.Loaded<ActionResult>()?.Outcome == ModerationOutcome.Done =>
            AdminReplies.WithMenu(context, context.Text("CancelBroadcast_Done")),
        Completed => AdminReplies.NotDone(context, context.Loaded<ActionResult>()?.Outcome ?? ModerationOutcome.NotFound),
        _ => null,
    };

    private static string BroadcastIdIn(string? pressed) =>
        pressed is not null && pressed.StartsWith(BroadcastPrefix, StringComparison.Ordinal) ? pressed[BroadcastPrefix.Length..] : "";

    private sealed record Running(IReadOnlyList<Broadcasts.Broadcast> Broadcasts);
}
