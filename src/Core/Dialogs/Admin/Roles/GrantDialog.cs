using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.Roles.GrantState;

namespace Hromada.Core.Dialogs.Admin.Roles;

/// <summary>
/// /grant, for super-admins and community admins: who (identity key or verified phone), which role,
/// which community; or all of it in one line: <c>/grant telegram:123 moderator kamianske</c>.
/// The rules are <see cref="RoleGrants"/>'; a community admin is offered only the moderator role in their communities.
/// </summary>
public sealed class GrantDialog(
    AdminGuard guard, RoleGrants grants, ResidentLookup lookup, ResidentQuestion who, CommunityQuestion where)
    : RoleDialog<GrantState>(guard, lookup, who, where)
{
    public override string Name => "grant";

    public override IReadOnlyList<string> Commands => ["/grant"];

    protected override GrantState FirstState => AwaitingResident;

    /// <summary>Who, role, then the community.</summary>
    protected override int OneLineWords => 3;

    protected override string UsageKey => "Grant_Usage";

    protected override string? ProblemBetween(IReadOnlyList<string> between) =>
        RoleNames.Parse(between[0]) is null ? "Problem_RoleUnknown" : null;

    protected override async Task<OutboundReply> ActAsync(DialogContext context, Resident target, IReadOnlyList<string> between, Community community)
    {
        var role = RoleNames.Parse(between[0])!.Value;
        var outcome = await grants.GrantAsync(Scope(context), target, role, community.Id, context.CancellationToken);
        return Outcome(context, outcome, target, role, community.Id);
    }

    protected override void Configure(StateMachine<GrantState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new AdminDraft(context.Session);
        Step(machine.Configure(AwaitingResident), TextReceived, AwaitingRole, () => ResidentQuestion.Take(context, draft));
        Step(machine.Configure(AwaitingRole), OptionChosen, AwaitingCommunity, () => TakeRole(context, draft));

        var community = machine.Configure(AwaitingCommunity);
        Step(community, TextReceived, Completed, () => Where.Take(context, Scope(context).GrantingCommunities, draft));
        Step(community, OptionChosen, Completed, () => Where.Take(context, Scope(context).GrantingCommunities, draft));

        machine.Configure(Completed).OnEntryAsync(async () => context.Keep(new ActionResult(await grants.GrantAsync(
            Scope(context), ResidentQuestion.Target(context)!, draft.Role!.Value, draft.CommunityId!, context.CancellationToken))));
    }

    protected override OutboundReply? Ask(GrantState state, DialogContext context)
    {
        var draft = new AdminDraft(context.Session);
        return state switch
        {
            AwaitingResident => ResidentQuestion.Ask(context, "Grant_AskResident"),
            AwaitingRole => new OutboundReply(context.Text("Grant_AskRole", Who.Describe(context, ResidentQuestion.Target(context)!)))
            {
                Buttons = [.. OfferedRoles(context).Select(role => (IReadOnlyList<ReplyButton>)[RoleNames.Button(context, role)])],
            },
            AwaitingCommunity => Where.Ask(context, "Grant_AskCommunity", Scope(context).GrantingCommunities, draft),
            Completed => Outcome(context, context.Loaded<ActionResult>()!.Outcome, ResidentQuestion.Target(context)!, draft.Role!.Value, draft.CommunityId!),
            _ => null,
        };
    }

    private OutboundReply Outcome(DialogContext context, ModerationOutcome outcome, Resident target, Role role, string communityId) =>
        Result(context, outcome, "Grant_Done", Who.Describe(context, target), RoleNames.Label(context, role), Who.CommunityName(context, communityId));

    /// <summary>A super-admin may give either role; a community admin only the moderator role.</summary>
    private static Role[] OfferedRoles(DialogContext context) =>
        Scope(context).IsSuperAdmin ? [Role.Moderator, Role.CommunityAdmin] : [Role.Moderator];

    private static bool TakeRole(DialogContext context, AdminDraft draft)
    {
        if (RoleNames.FromButton(context.Message.ButtonData) is not { } role || !OfferedRoles(context).Contains(role))
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return false;
        }

        draft.Role = role;
        return true;
    }
}
