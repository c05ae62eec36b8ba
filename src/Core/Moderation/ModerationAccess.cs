using Hromada.Core.Admin;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>
/// The one place that says who may moderate what: super-admins from configuration, and the roles
/// granted in the role store. Every admin dialog and service asks it, through <see cref="ModeratorScope"/>
/// ("may they moderate community X", "which communities", "may they grant").
/// </summary>
public sealed class ModerationAccess(IAdminDirectory admins, IRoleStore roles)
{
    /// <summary>What the sender of a message may do; <paramref name="resident"/> is null before registration.</summary>
    public async Task<ModeratorScope> ScopeOfAsync(IdentityKey sender, Resident? resident, CancellationToken cancellationToken)
    {
        var grants = resident is null ? [] : await roles.ListForResidentAsync(resident.Id, cancellationToken);
        var superAdmin = admins.IsSuperAdmin(sender) || (resident is not null && IsSuperAdmin(resident));
        return new ModeratorScope(new AuditActor(sender.ToString(), resident?.Id), superAdmin, grants);
    }

    /// <summary>What a resident met outside a conversation may do (for the HTTP API and scheduled work).</summary>
    public async Task<ModeratorScope> ScopeOfAsync(Resident resident, CancellationToken cancellationToken)
    {
        var grants = await roles.ListForResidentAsync(resident.Id, cancellationToken);
        var actor = resident.Identities.FirstOrDefault()?.Key.ToString() ?? AuditTargets.Resident(resident.Id);
        return new ModeratorScope(new AuditActor(actor, resident.Id), IsSuperAdmin(resident), grants);
    }

    /// <summary>Whether the resident holds any role (super-admin included), which keeps others from blocking them.</summary>
    public async Task<bool> HoldsAnyRoleAsync(Resident resident, CancellationToken cancellationToken) =>
        (await ScopeOfAsync(resident, cancellationToken)).IsModerator;

    /// <summary>A resident who linked a second app is the same person there: a super-admin identity counts on every app of theirs.</summary>
    private bool IsSuperAdmin(Resident resident) =>
        resident.Identities.Any(identity => admins.IsSuperAdmin(identity.Key));
}
