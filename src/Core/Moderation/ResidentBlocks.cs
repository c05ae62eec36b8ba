using Hromada.Core.Communities;
using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>
/// /block and /unblock: a moderator of the resident's community stops (or lets again) an abusive
/// resident. The engine answers a blocked resident only that they are blocked, and the queues hide
/// what they proposed. Moderators and super-admins cannot be blocked (revoke the role first).
/// </summary>
public sealed class ResidentBlocks(IResidentStore residents, ModerationAccess access, AuditTrail audit, TimeProvider time)
{
    public const string BlockAttempt = "resident.block";

    public Task<ModerationOutcome> BlockAsync(ModeratorScope by, Resident target, CancellationToken cancellationToken) =>
        SetAsync(by, target, blocked: true, cancellationToken);

    public Task<ModerationOutcome> UnblockAsync(ModeratorScope by, Resident target, CancellationToken cancellationToken) =>
        SetAsync(by, target, blocked: false, cancellationToken);

    /// <summary>The community a resident's moderation belongs to: theirs, or the national level's.</summary>
    public static string CommunityOf(Resident resident) => resident.CommunityId ?? Community.NationalId;

    private async Task<ModerationOutcome> SetAsync(ModeratorScope by, Resident target, bool blocked, CancellationToken cancellationToken)
    {
        var community = CommunityOf(target);
        if (!by.MayModerate(community))
        {
            await audit.RefusedAsync(by.Actor, BlockAttempt, community, cancellationToken);
            return ModerationOutcome.Refused;
        }

        if (target.IsBlocked == blocked)
        {
            return ModerationOutcome.Unchanged;
        }

        if (blocked && (target.Id == by.Actor.ResidentId || await access.HoldsAnyRoleAsync(target, cancellationToken)))
        {
            return ModerationOutcome.Protected;
        }

        var before = new { Blocked = target.IsBlocked, target.BlockedAt };
        target.BlockedAt = blocked ? time.GetUtcNow() : null;
        await residents.SaveAsync(target, cancellationToken);
        await audit.RecordAsync(
            by.Actor,
            blocked ? AuditActions.ResidentBlocked : AuditActions.ResidentUnblocked,
            AuditTargets.Resident(target.Id),
            community,
            before,
            new { Blocked = target.IsBlocked, target.BlockedAt },
            cancellationToken);
        return ModerationOutcome.Done;
    }
}
