namespace Hromada.Core.Moderation;

/// <summary>
/// A stored role in one community (or the national level). Super-admins are not a stored role: they
/// come from configuration (<see cref="Admin.IAdminDirectory"/>). Stored by name.
/// </summary>
public enum Role
{
    /// <summary>Moderates the community's polls and residents.</summary>
    Moderator,

    /// <summary>A moderator who may also grant and revoke the moderator role in the community.</summary>
    CommunityAdmin,
}

/// <summary>A resident's role in one community; a resident holds at most one role per community.</summary>
/// <param name="CommunityId">A community's id, or <see cref="Communities.Community.NationalId"/>.</param>
/// <param name="GrantedBy">Who granted it, as an audit actor id such as "telegram:123".</param>
public sealed record RoleGrant(string ResidentId, string CommunityId, Role Role, string GrantedBy, DateTimeOffset GrantedAt);

public interface IRoleStore
{
    /// <summary>Stores the grant as the resident's one role in its community, replacing any other there.</summary>
    Task SaveAsync(RoleGrant grant, CancellationToken cancellationToken);

    /// <summary>Removes the resident's role in the community.</summary>
    /// <returns>False when they held none there.</returns>
    Task<bool> DeleteAsync(string residentId, string communityId, CancellationToken cancellationToken);

    /// <summary>The resident's roles, by community id.</summary>
    Task<IReadOnlyList<RoleGrant>> ListForResidentAsync(string residentId, CancellationToken cancellationToken);

    /// <summary>Who moderates the community (to tell them of escalations, for instance), by resident id.</summary>
    Task<IReadOnlyList<RoleGrant>> ListForCommunityAsync(string communityId, CancellationToken cancellationToken);
}
