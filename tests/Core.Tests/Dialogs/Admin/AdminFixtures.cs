using Hromada.Core.Moderation;

namespace Hromada.Core.Tests.Dialogs.Admin;

/// <summary>Roles stored straight into the real role store, and the audit log read back.</summary>
internal static class AdminFixtures
{
    public static async Task GrantAsync(this EngineHarness bot, string user, Role role, string communityId)
    {
        var resident = await bot.ResidentAsync(user);
        await bot.Services<IRoleStore>().SaveAsync(
            new RoleGrant(resident!.Id, communityId, role, "dev:admin", DateTimeOffset.UnixEpoch), CancellationToken.None);
    }

    /// <summary>Every audit entry, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(this EngineHarness bot) =>
        [.. (await bot.Services<IAuditStore>().ListRecentAsync(null, 1000, CancellationToken.None)).Reverse()];

    public static async Task<string> IdOfAsync(this EngineHarness bot, string user) => (await bot.ResidentAsync(user))!.Id;
}
