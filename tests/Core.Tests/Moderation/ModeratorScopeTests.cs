using Hromada.Core.Moderation;

namespace Hromada.Core.Tests.Moderation;

/// <summary>The grant rules: who may change whose role where.</summary>
public sealed class ModeratorScopeTests
{
    private static readonly AuditActor Actor = new("dev:someone", "r0");

    [Theory]
    [InlineData(null, Role.Moderator, true)]
    [InlineData(Role.Moderator, null, true)]
    [InlineData(null, Role.CommunityAdmin, false)]
    [InlineData(Role.Moderator, Role.CommunityAdmin, false)]
    [InlineData(Role.CommunityAdmin, Role.Moderator, false)]
    [InlineData(Role.CommunityAdmin, null, false)]
    public void MayChange_CommunityAdminInTheirCommunity_OnlyTheModeratorRole(Role? current, Role? next, bool allowed)
    {
        var scope = Scope(Role.CommunityAdmin, "kamianske");

        Assert.Equal(allowed, scope.MayChange(current, next, "kamianske"));
    }

    [Fact]
    public void MayChange_CommunityAdminElsewhere_Nothing()
    {
        var scope = Scope(Role.CommunityAdmin, "kamianske");

        Assert.False(scope.MayChange(null, Role.Moderator, "lviv"));
        Assert.Equal(["kamianske"], scope.GrantingCommunities);
    }

    [Fact]
    public void MayChange_Moderator_Nothing()
    {
        var scope = Scope(Role.Moderator, "kamianske");

        Assert.False(scope.MayChange(null, Role.Moderator, "kamianske"));
        Assert.False(scope.MayGrantAny);
        Assert.True(scope.MayModerate("kamianske"));
        Assert.False(scope.MayModerate("lviv"));
    }

    [Fact]
    public void SuperAdmin_MayEverythingEverywhere()
    {
        var scope = new ModeratorScope(Actor, isSuperAdmin: true, []);

        Assert.True(scope.MayChange(Role.CommunityAdmin, null, "lviv"));
        Assert.True(scope.MayChange(null, Role.CommunityAdmin, "ukraine"));
        Assert.True(scope.MayModerate("odesa"));
        Assert.Null(scope.Communities);
    }

    [Fact]
    public void NoRole_NotAModerator()
    {
        var scope = new ModeratorScope(Actor, isSuperAdmin: false, []);

        Assert.False(scope.IsModerator);
        Assert.Empty(scope.Communities!);
    }

    private static ModeratorScope Scope(Role role, string communityId) =>
        new(Actor, isSuperAdmin: false, [new RoleGrant("r0", communityId, role, "dev:admin", DateTimeOffset.UnixEpoch)]);
}
