using Hromada.Core.Communities;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset GrantTime = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    protected static RoleGrant Grant(string residentId, string communityId, Role role = Role.Moderator) =>
        new(residentId, communityId, role, "telegram:1", GrantTime);

    protected static AuditEntry Entry(string action, string? communityId, string target = "poll:p1", string? actorResident = "admin") => new()
    {
        At = GrantTime,
        Actor = new AuditActor("telegram:1", actorResident),
        Action = action,
        CommunityId = communityId,
        Target = target,
        Before = """{"status":"open"}""",
        After = """{"status":"closed"}""",
    };

    [Fact]
    public async Task ListForResidentAsync_SavedGrants_ReturnsEveryFieldByCommunity()
    {
        await Roles.SaveAsync(Grant("r1", "lviv", Role.CommunityAdmin), Ct);
        await Roles.SaveAsync(Grant("r1", "kamianske"), Ct);
        await Roles.SaveAsync(Grant("r2", "kamianske"), Ct);

        var grants = await Roles.ListForResidentAsync("r1", Ct);

        Assert.Equal([Grant("r1", "kamianske"), Grant("r1", "lviv", Role.CommunityAdmin)], grants);
    }

    [Fact]
    public async Task SaveAsync_SecondRoleInTheSameCommunity_ReplacesTheFirst()
    {
        await Roles.SaveAsync(Grant("r1", "kamianske"), Ct);

        await Roles.SaveAsync(Grant("r1", "kamianske", Role.CommunityAdmin), Ct);

        Assert.Equal(Role.CommunityAdmin, Assert.Single(await Roles.ListForResidentAsync("r1", Ct)).Role);
    }

    [Fact]
    public async Task DeleteAsync_HeldAndNotHeld_RemovesOnlyThatCommunitysRoleAndSaysWhetherThereWasOne()
    {
        await Roles.SaveAsync(Grant("r1", "kamianske"), Ct);
        await Roles.SaveAsync(Grant("r1", "lviv"), Ct);

        var deleted = await Roles.DeleteAsync("r1", "kamianske", Ct);
        var again = await Roles.DeleteAsync("r1", "kamianske", Ct);

        Assert.True(deleted);
        Assert.False(again);
        Assert.Equal(["lviv"], (await Roles.ListForResidentAsync("r1", Ct)).Select(grant => grant.CommunityId));
    }

    [Fact]
    public async Task ListForCommunityAsync_GrantsOfSeveralCommunities_ReturnsThatCommunitysByResident()
    {
        await Roles.SaveAsync(Grant("r2", "kamianske"), Ct);
        await Roles.SaveAsync(Grant("r1", "kamianske", Role.CommunityAdmin), Ct);
        await Roles.SaveAsync(Grant("r3", "lviv"), Ct);

        var grants = await Roles.ListForCommunityAsync("kamianske", Ct);

        Assert.Equal(["r1", "r2"], grants.Select(grant => grant.ResidentId));
    }

    [Fact]
    public async Task AppendAsync_Entries_GivesIncreasingIdsAndKeepsEveryField()
    {
        var first = await Audit.AppendAsync(Entry(AuditActions.PollClosed, "kamianske"), Ct);
        var second = await Audit.AppendAsync(Entry(AuditActions.RoleGranted, null, "resident:r9", actorResident: null), Ct);

        var recent = await Audit.ListRecentAsync(null, 10, Ct);

        Assert.True(second.Id > first.Id);
        Assert.Equal([second, first], recent);
        Assert.Equal(Entry(AuditActions.PollClosed, "kamianske") with { Id = first.Id }, recent[1]);
    }

    [Fact]
    public async Task ListRecentAsync_SomeCommunitiesAndALimit_ReturnsTheirNewestFirst()
    {
        await Audit.AppendAsync(Entry("a.1", "kamianske"), Ct);
        await Audit.AppendAsync(Entry("a.2", "lviv"), Ct);
        await Audit.AppendAsync(Entry("a.3", Community.NationalId), Ct);
        await Audit.AppendAsync(Entry("a.4", "kamianske"), Ct);
        await Audit.AppendAsync(Entry("a.5", null), Ct);

        var recent = await Audit.ListRecentAsync(["kamianske", Community.NationalId], 2, Ct);

        Assert.Equal(["a.4", "a.3"], recent.Select(entry => entry.Action));
    }

    [Fact]
    public async Task ListForResidentAsync_ActorOrTarget_ReturnsBothOldestFirst()
    {
        await Audit.AppendAsync(Entry("did", "kamianske", actorResident: "r1"), Ct);
        await Audit.AppendAsync(Entry("other", "kamianske", actorResident: "r2"), Ct);
        await Audit.AppendAsync(Entry("done-to", "kamianske", target: AuditTargets.Resident("r1"), actorResident: "r2"), Ct);
        await Audit.AppendAsync(Entry("both", "kamianske", target: AuditTargets.Resident("r1"), actorResident: "r1"), Ct);

        var entries = await Audit.ListForResidentAsync("r1", Ct);

        Assert.Equal(["did", "done-to", "both"], entries.Select(entry => entry.Action));
    }

    [Fact]
    public async Task GetAsync_BlockedResident_KeepsWhenAndUnblockClearsIt()
    {
        var resident = Resident("r1", Telegram("501"));
        resident.BlockedAt = GrantTime;
        await Residents.SaveAsync(resident, Ct);
        var blocked = await Residents.GetAsync("r1", Ct);
        resident.BlockedAt = null;
        await Residents.SaveAsync(resident, Ct);

        var unblocked = await Residents.GetAsync("r1", Ct);

        Assert.Equal(GrantTime, blocked?.BlockedAt);
        Assert.True(blocked?.IsBlocked);
        Assert.Null(unblocked?.BlockedAt);
    }

    [Fact]
    public async Task CountAsync_MixedCommunities_CountsOnlyTheGivenOnesEachOnItsOwn()
    {
        await SeedStatsAsync();

        var stats = await Stats.CountAsync(["kamianske", Community.NationalId], VoteTime, Ct);

        var kamianske = stats.Of("kamianske");
        var national = stats.Of(Community.NationalId);
        Assert.Equal(["kamianske", Community.NationalId], stats.Communities.Select(community => community.CommunityId).Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<ResidentStatus, int> { [ResidentStatus.Registered] = 1, [ResidentStatus.Responsible] = 1 }, kamianske.ResidentsByStatus);
        Assert.Equal((3, 1), (kamianske.Residents, kamianske.Blocked));
        Assert.Equal((1, 2, 2, 1), (kamianske.OpenPolls, kamianske.ClosedPolls, kamianske.Ballots, kamianske.ProposalsWaiting));
        Assert.Equal(new Dictionary<ResidentStatus, int> { [ResidentStatus.Registered] = 1 }, national.ResidentsByStatus);
        Assert.Equal((1, 0, 1, 0, 1), (national.Residents, national.Blocked, national.OpenPolls, national.ClosedPolls, national.Ballots));
        Assert.Equal((2, 1), (stats.InStatus(ResidentStatus.Registered), stats.InStatus(ResidentStatus.Responsible)));
        Assert.Equal((4, 1, 2, 2, 3, 1), (stats.Residents, stats.Blocked, stats.OpenPolls, stats.ClosedPolls, stats.Ballots, stats.ProposalsWaiting));
        Assert.Equal((0, 0), (stats.Of("lviv").Residents, stats.Of("lviv").OpenPolls));
    }

    [Fact]
    public async Task CountAsync_AllCommunities_CountsEverything()
    {
        await SeedStatsAsync();

        var stats = await Stats.CountAsync(null, VoteTime, Ct);

        Assert.Equal(5, stats.Residents);
        Assert.Equal((1, 1, 1), (stats.Of("lviv").Residents, stats.Of("lviv").OpenPolls, stats.Of("lviv").Ballots));
        Assert.Equal((3, 2, 4), (stats.OpenPolls, stats.ClosedPolls, stats.Ballots));
    }

    /// <summary>
    /// Kamianske: two registered residents (one blocked), one responsible, one still registering;
    /// one without a community (national); one in Lviv. Polls: open, not open yet, past its closing
    /// time, closed, a proposal, a blocked resident's proposal, a national open one, and an open one in Lviv.
    /// </summary>
    private async Task SeedStatsAsync()
    {
        await Residents.SaveAsync(Registered("k1", "kamianske", ResidentStatus.Registered), Ct);
        var blocked = Registered("k2", "kamianske", ResidentStatus.Registered);
        blocked.BlockedAt = VoteTime.AddDays(-1);
        await Residents.SaveAsync(blocked, Ct);
        await Residents.SaveAsync(Registered("k3", "kamianske", ResidentStatus.Responsible), Ct);
        var registering = Resident("k4", Telegram("k4"));
        registering.CommunityId = "kamianske";
        await Residents.SaveAsync(registering, Ct);
        await Residents.SaveAsync(Registered("n1", null, ResidentStatus.Registered), Ct);
        await Residents.SaveAsync(Registered("l1", "lviv", ResidentStatus.Registered), Ct);

        await Polls.SaveAsync(OpenPoll("open"), Ct);
        await Polls.SaveAsync(OpenPoll("scheduled") with { OpensAt = VoteTime.AddHours(1) }, Ct);
        await Polls.SaveAsync(OpenPoll("past-closing", closesAt: VoteTime.AddHours(-1)), Ct);
        await Polls.SaveAsync(OpenPoll("closed") with { Status = PollStatus.Closed }, Ct);
        await Polls.SaveAsync(OpenPoll("proposed") with { Status = PollStatus.Proposed, AuthorResidentId = "k1" }, Ct);
        await Polls.SaveAsync(OpenPoll("hidden") with { Status = PollStatus.Proposed, AuthorResidentId = "k2" }, Ct);
        await Polls.SaveAsync(OpenPoll("national", Community.NationalId), Ct);
        await Polls.SaveAsync(OpenPoll("lviv", "lviv"), Ct);
        await Ballots.CastAsync("open", "k1", [0], VoteTime, Ct);
        await Ballots.CastAsync("closed", "k3", [1], VoteTime, Ct);
        await Ballots.CastAsync("national", "k1", [1], VoteTime, Ct);
        await Ballots.CastAsync("lviv", "l1", [1], VoteTime, Ct);
    }
}
