using Hromada.Core.Moderation;

namespace Hromada.Persistence.Documents;

internal sealed class RoleGrantDocument
{
    /// <summary>The (resident, community) pair itself, so the primary key allows one role per pair.</summary>
    public string Id { get; set; } = "";

    public string ResidentId { get; set; } = "";

    public string CommunityId { get; set; } = "";

    public string Role { get; set; } = "";

    public string GrantedBy { get; set; } = "";

    public DateTime GrantedAt { get; set; }

    public static string KeyOf(string residentId, string communityId) => $"{residentId}/{communityId}";

    public static RoleGrantDocument From(RoleGrant grant) => new()
    {
        Id = KeyOf(grant.ResidentId, grant.CommunityId),
        ResidentId = grant.ResidentId,
        CommunityId = grant.CommunityId,
        Role = grant.Role.ToString(),
        GrantedBy = grant.GrantedBy,
        GrantedAt = DocumentFormat.ToStored(grant.GrantedAt),
    };

    public RoleGrant ToGrant() =>
        new(ResidentId, CommunityId, Enum.Parse<Role>(Role), GrantedBy, DocumentFormat.FromStored(GrantedAt));
}
