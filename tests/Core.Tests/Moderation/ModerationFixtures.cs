using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;

namespace Hromada.Core.Tests.Moderation;

/// <summary>Moderators as the services see them, and registered residents stored straight into the real store.</summary>
internal static class ModerationFixtures
{
    /// <summary>A moderator of <paramref name="communityId"/>, as a role grant makes one (or an API key for that community).</summary>
    public static ModeratorScope ModeratorOf(string communityId, string actor = "dev:moderator") =>
        new(new AuditActor(actor, null), isSuperAdmin: false, [new RoleGrant(actor, communityId, Role.Moderator, "dev:admin", DateTimeOffset.UnixEpoch)]);

    /// <summary>A registered resident of Kamianske reachable in the dev chat "<paramref name="user"/>".</summary>
    public static async Task<Resident> StoreResidentAsync(this EngineHarness bot, string user, DateTimeOffset? blockedAt = null)
    {
        var resident = new Resident
        {
            Id = $"r-{user}",
            Identities = [new ChannelIdentity(ChannelKind.Dev, user, user)],
            Name = user,
            CommunityId = "kamianske",
            CreatedAt = DateTimeOffset.UnixEpoch,
            RegisteredAt = DateTimeOffset.UnixEpoch,
            BlockedAt = blockedAt,
        };
        await bot.Residents.SaveAsync(resident, CancellationToken.None);
        return resident;
    }
}
