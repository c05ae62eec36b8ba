using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>
/// Grants and revokes roles by the rules of <see cref="ModeratorScope.MayChange"/>: a super-admin any
/// role anywhere, a community admin the moderator role in their communities. Each change is audited
/// with the role before and after; each refusal too.
/// </summary>
public sealed class RoleGrants(IRoleStore roles, AuditTrail audit, TimeProvider time)
{
    public const string GrantAttempt = "role.grant";
    public const string RevokeAttempt = "role.revoke";

    public async Task<ModerationOutcome> GrantAsync(
        ModeratorScope by, Resident target, Role role, string communityId, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(target, communityId, cancellationToken);
        if (!by.MayChange(current?.Role, role, communityId))
        {
            await audit.RefusedAsync(by.Actor, GrantAttempt, communityId, cancellationToken);
            return ModerationOutcome.Refused;
        }

        if (current?.Role == role)
        {
            return ModerationOutcome.Unchanged;
        }

        await roles.SaveAsync(new RoleGrant(target.Id, communityId, role, by.Actor.Id, time.GetUtcNow()), cancellationToken);
        await audit.RecordAsync(
            by.Actor, AuditActions.RoleGranted, AuditTargets.Resident(target.Id), communityId, Name(current?.Role), Name(role), cancellationToken);
        return ModerationOutcome.Done;
    }

    public async Task<ModerationOutcome> RevokeAsync(
        ModeratorScope by, Resident target, string communityId, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(target, communityId, cancellationToken);
        if (!by.MayChange(current?.Role, null, communityId))
        {
            await audit.RefusedAsync(by.Actor, RevokeAttempt, communityId, cancellationToken);
            return ModerationOutcome.Refused;
        }

        if (current is null || !await roles.DeleteAsync(target.Id, communityId, cancellationToken))
        {
            return ModerationOutcome.NotFound;
        }

        await audit.RecordAsync(
            by.Actor, AuditActions.RoleRevoked, AuditTargets.Resident(target.Id), communityId, Name(current.Role), null, cancellationToken);
        return ModerationOutcome.Done;
    }

    /// <summary>The roles of <paramref name="target"/> that <paramref name="by"/> may revoke.</summary>
    public async Task<IReadOnlyList<RoleGrant>> RevocableAsync(ModeratorScope by, Resident target, CancellationToken cancellationToken) =>
        [.. (await roles.ListForResidentAsync(target.Id, cancellationToken)).Where(grant => by.MayChange(grant.Role, null, grant.CommunityId))];

    private async Task<RoleGrant?> CurrentAsync(Resident target, string communityId, CancellationToken cancellationToken) =>
        (await roles.ListForResidentAsync(target.Id, cancellationToken)).FirstOrDefault(grant => grant.CommunityId == communityId);

    /// <summary>The audit's text of a role, such as "moderator"; null for none.</summary>
    private static string? Name(Role? role) => role switch
    {
        Role.Moderator => "moderator",
        Role.CommunityAdmin => "communityAdmin",
        _ => null,
    };
}
