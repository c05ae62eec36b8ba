using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.Roles.RevokeState;

namespace Hromada.Core.Dialogs.Admin.Roles;

/// <summary>
/// /revoke: who, then which of their roles (only those the moderator may take away); or in one line:
/// <c>/revoke telegram:123 kamianske</c>.
/// </summary>
public sealed class RevokeDialog(
    AdminGuard guard, RoleGrants grants, ResidentLookup lookup, ResidentQuestion who, CommunityQuestion where)
    : RoleDialog<RevokeState>(guard, lookup, who, where)
{
    public const string GrantPrefix = "grant:";

    public override string Name => "revoke";

    public override IReadOnlyList<string> Commands => ["/revoke"];

    protected override RevokeState FirstState => AwaitingResident;

    /// <summary>Who, then the community.</summary>
    protected override int OneLineWords => 2;

    protected override string UsageKey => "Revoke_Usage";

    protected override async Task<OutboundReply> ActAsync(DialogContext context, Resident target, IReadOnlyList<string> between, Community community) =>
        Outcome(context, await grants.RevokeAsync(Scope(context), target, community.Id, context.CancellationToken), target, community.Id);

    /// <summary>With the resident, the roles of theirs the moderator may take away.</summary>
    protected override async Task LoadAsync(DialogContext context)
    {
        await base.LoadAsync(context);
        if (ResidentQuestion.Target(context) is { } target)
        {
            context.Keep(new Revocable(await grants.RevocableAsync(Scope(context), target, context.CancellationToken)));
        }
    }

    protected override void Configure(StateMachine<RevokeState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new AdminDraft(context.Session);
        Step(machine.Configure(AwaitingResident), TextReceived, AwaitingGrant, () => TakeResident(context, draft));
        Step(machine.Configure(AwaitingGrant), OptionChosen, Completed, () => TakeGrant(context, draft));
        machine.Configure(Completed).OnEntryAsync(async () => context.Keep(new ActionResult(await grants.RevokeAsync(
            Scope(context), ResidentQuestion.Target(context)!, draft.CommunityId!, context.CancellationToken))));
    }

    protected override OutboundReply? Ask(RevokeState state, DialogContext context) => state switch
    {
        AwaitingResident => ResidentQuestion.Ask(context, "Revoke_AskResident"),
        AwaitingGrant => new OutboundReply(context.Text("Revoke_AskGrant", Who.Describe(context, ResidentQuestion.Target(context)!)))
        {
            Buttons = [.. context.Loaded<Revocable>()!.Grants.Select(grant => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                $"{RoleNames.Label(context, grant.Role)}: {Who.CommunityName(context, grant.CommunityId)}", GrantPrefix + grant.CommunityId)])],
        },
        Completed => Outcome(context, context.Loaded<ActionResult>()!.Outcome, ResidentQuestion.Target(context)!, new AdminDraft(context.Session).CommunityId!),
        _ => null,
    };

    /// <summary>A resident the moderator may take no role from is refused here, with the reason.</summary>
    private static bool TakeResident(DialogContext context, AdminDraft draft)
    {
        if (!ResidentQuestion.Take(context, draft))
        {
            return false;
        }

        if (context.Loaded<Revocable>()!.Grants.Count == 0)
        {
            context.Problem = context.Text("Problem_NoRoleToRevoke");
            draft.ResidentId = null;
            return false;
        }

        return true;
    }

    private static bool TakeGrant(DialogContext context, AdminDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        var communityId = pressed.StartsWith(GrantPrefix, StringComparison.Ordinal) ? pressed[GrantPrefix.Length..] : null;
        if (communityId is null || context.Loaded<Revocable>()?.Grants.Any(grant => grant.CommunityId == communityId) != true)
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return false;
        }

        draft.CommunityId = communityId;
        return true;
    }

    private OutboundReply Outcome(DialogContext context, ModerationOutcome outcome, Resident target, string communityId) =>
        Result(context, outcome, "Revoke_Done", Who.Describe(context, target), Who.CommunityName(context, communityId));

    /// <summary>The roles of the resident in question that the moderator may take away.</summary>
    private sealed record Revocable(IReadOnlyList<RoleGrant> Grants);
}
