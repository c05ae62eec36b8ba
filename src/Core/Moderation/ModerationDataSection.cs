using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>/mydata's "moderation" part: the resident's roles, and the audit entries of what they did or what was done to them.</summary>
public sealed class ModerationDataSection(IRoleStore roles, IAuditStore audit) : IPersonalDataSection
{
    public string Name => "moderation";

    public async Task<object?> ExportAsync(Resident resident, CancellationToken cancellationToken)
    {
        var grants = await roles.ListForResidentAsync(resident.Id, cancellationToken);
        var entries = await audit.ListForResidentAsync(resident.Id, cancellationToken);
        return grants.Count == 0 && entries.Count == 0
            ? null
            : new
            {
                Roles = grants.Select(grant => new { grant.CommunityId, grant.Role, grant.GrantedAt }),
                Actions = entries.Select(entry => new { entry.At, entry.Action, entry.Target, entry.CommunityId, entry.Before, entry.After }),
            };
    }
}
