using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
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
    AdminGuard guard, RoleGrants grants, ResidentLookup lookup, ResidentQuestion who, CommunityQuestion where) : AdminDialog<GrantState>(guard)
{
    public override string Name => "grant";

    public override IReadOnlyList<string> Commands => ["/grant"];

    protected override GrantState FirstState => AwaitingResident;

    protected override bool Admits(ModeratorScope scope) => scope.MayGrantAny;

    protected override async Task BeginAsync(DialogContext context)
    {
        if (Argument(context) is not { Length: > 0 } line)
        {
            await base.BeginAsync(context);
            return;
        }

        // The one-line form: who, role, then the community (whose name may hold spaces).
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var target = parts.Length == 3 ? await lookup.FindAsync(parts[0], context.CancellationToken) : null;
        var role = parts.Length == 3 ? RoleNames.Parse(parts[1]) : null;
        var community = parts.Length == 3 ? where.Resolve(parts[2]) : null;
        if (target is null || role is null || community is null)
        {
            var problem = parts.Length < 3 ? null
                : target is null ? "Problem_ResidentNotFound"
                : role is null ? "Problem_RoleUnknown"
                : "Problem_CommunityNotFound";
            context.Reply(AdminReplies.Usage(context, problem, "Grant_Usage"));
            return;
        }

        var outcome = await grants.GrantAsync(Scope(context), target, role.Value, community.Id, context.CancellationToken);
        context.Reply(Outcome(context, outcome, target, role.Value, community.Id));
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        var typing = context.Session.State == nameof(AwaitingResident) ? Answer(context) : null;
        await who.LoadAsync(context, new AdminDraft(context.Session), typing);
    }

    protected override void Configure(StateMachine<GrantState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new AdminDraft(context.Session);
        Step(machine.Configure(AwaitingResident), TextReceived, AwaitingRole, () => ResidentQuestion.Take(context, draft));
        Step(machine.Configure(AwaitingRole), OptionChosen, AwaitingCommunity, () => TakeRole(context, draft));

        var community = machine.Configure(AwaitingCommunity);
        Step(community, TextReceived, Completed, () => where.Take(context, Scope(context).GrantingCommunities, draft));
        Step(community, OptionChosen, Completed, () => where.Take(context, Scope(context).GrantingCommunities, draft));

        machine.Configure(Completed).OnEntryAsync(async () => context.Keep(new ActionResult(await grants.GrantAsync(
            Scope(context), ResidentQuestion.Target(context)!, draft.Role!.Value, draft.CommunityId!, context.CancellationToken))));
    }

    protected override OutboundReply? Ask(GrantState state, DialogContext context)
    {
        var draft = new AdminDraft(context.Session);
        return state switch
        {
            AwaitingResident => ResidentQuestion.Ask(context, "Grant_AskResident"),
            AwaitingRole => new OutboundReply(context.Text("Grant_AskRole", who.Describe(context, ResidentQuestion.Target(context)!)))
            {
                Buttons = [.. OfferedRoles(context).Select(role => (IReadOnlyList<ReplyButton>)[RoleNames.Button(context, role)])],
            },
            AwaitingCommunity => where.Ask(context, "Grant_AskCommunity", Scope(context).GrantingCommunities, draft),
            Completed => Outcome(context, context.Loaded<ActionResult>()!.Outcome, ResidentQuestion.Target(context)!, draft.Role!.Value, draft.CommunityId!),
            _ => null,
        };
    }

    private OutboundReply Outcome(DialogContext context, ModerationOutcome outcome, Residents.Resident target, Role role, string communityId) =>
        outcome == ModerationOutcome.Done
            ? AdminReplies.WithMenu(context, context.Text(
                "Grant_Done", who.Describe(context, target), RoleNames.Label(context, role), who.CommunityName(context, communityId)))
            : AdminReplies.NotDone(context, outcome);

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
