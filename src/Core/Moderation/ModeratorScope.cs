using Hromada.Core.Communities;

namespace Hromada.Core.Moderation;

/// <summary>
/// What one sender may do as a moderator: a super-admin may do everything everywhere; a moderator
/// acts in the communities of their grants; a community admin also grants and revokes the moderator
/// role there. Built per message by <see cref="ModerationAccess"/>, so a revoked role stops at once.
/// </summary>
public sealed class ModeratorScope(AuditActor actor, bool isSuperAdmin, IReadOnlyList<RoleGrant> grants)
{
    public AuditActor Actor { get; } = actor;

    public bool IsSuperAdmin { get; } = isSuperAdmin;

    public IReadOnlyList<RoleGrant> Grants { get; } = grants;

    /// <summary>Whether they may use the admin commands at all.</summary>
    public bool IsModerator => IsSuperAdmin || Grants.Count > 0;

    /// <summary>Whether they may grant or revoke anything anywhere (a super-admin, or a community admin).</summary>
    public bool MayGrantAny => IsSuperAdmin || Grants.Any(grant => grant.Role == Role.CommunityAdmin);

    /// <summary>The communities they moderate; null for a super-admin, who moderates all of them.</summary>
    public IReadOnlyList<string>? Communities => IsSuperAdmin ? null : [.. Grants.Select(grant => grant.CommunityId).Distinct()];

    /// <summary>The communities where they may grant the moderator role; null for all.</summary>
    public IReadOnlyList<string>? GrantingCommunities =>
        IsSuperAdmin ? null : [.. Grants.Where(grant => grant.Role == Role.CommunityAdmin).Select(grant => grant.CommunityId)];

    public Role? RoleIn(string communityId) =>
        Grants.FirstOrDefault(grant => grant.CommunityId == communityId)?.Role;

    public bool MayModerate(string communityId) => IsSuperAdmin || RoleIn(communityId) is not null;

    /// <summary>
    /// Whether they may change somebody's role in the community from <paramref name="current"/> to
    /// <paramref name="next"/> (null: none). A community admin only gives and takes the moderator role,
    /// so never touches another community admin.
    /// </summary>
    public bool MayChange(Role? current, Role? next, string communityId) =>
        IsSuperAdmin
        || (RoleIn(communityId) == Role.CommunityAdmin && current is (null or Role.Moderator) && next is (null or Role.Moderator));

    /// <summary>The community ids to look in for "everything they moderate".</summary>
    public IReadOnlyList<string> CommunitiesIn(CommunityDirectory directory) =>
        Communities ?? [.. directory.All.Select(community => community.Id)];
}
