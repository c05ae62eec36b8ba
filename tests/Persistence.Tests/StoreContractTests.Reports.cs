using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Reports;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset FiledAt = new(2026, 6, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Kamianske city centre; 0.0001° of latitude is about 11 m.</summary>
    private static readonly GeoPoint Centre = new(48.5167, 34.6167);

    protected static ProblemReport NewReport(
        string id,
        ReportCategory category = ReportCategory.Roads,
        GeoPoint? location = null,
        string reporterId = "r1",
        string communityId = "kamianske",
        DateTimeOffset? filedAt = null) =>
        ProblemReport.File(
            new ProblemReport
            {
                Id = id,
                CommunityId = communityId,
                Category = category,
                Description = $"Яма на дорозі, звернення {id}",
                Location = location,
                ReporterId = reporterId,
            },
            filedAt ?? FiledAt);

    /// <summary>The point <paramref name="north"/> and <paramref name="east"/> metres from <see cref="Centre"/>.</summary>
    private static GeoPoint Offset(double north, double east = 0) => new(
        Centre.Latitude + (north / 111_195.0),
        Centre.Longitude + (east / (111_195.0 * Math.Cos(Centre.Latitude * Math.PI / 180))));

    private async Task<ProblemReport> AddMovedAsync(ProblemReport report, ReportStatus status)
    {
        var stored = await Reports.AddAsync(report, Ct);
        Assert.True(await Reports.TryUpdateAsync(stored.MovedTo(status, "m1", "note", FiledAt.AddHours(1)), Ct));
        return (await Reports.GetAsync(stored.Number, Ct))!;
    }

    [Fact]
    public async Task GetAsync_AddedReportWithEveryField_ReturnsEveryField()
    {
        var report = NewReport("a", ReportCategory.Lighting, Centre) with
        {
            CommunityId = Community.NationalId,
            PhotoIds = ["photo-1", "photo-2"],
            Address = "вул. Широка, 12",
            AnonymousToPublic = true,
            JoinedResidentIds = ["r2", "r3"],
        };
        var resolved = report.MovedTo(ReportStatus.InProgress, "m1", "Бригада виїхала", FiledAt.AddHours(2))
            .Answered("m1", "Дякуємо, працюємо", FiledAt.AddHours(3))
            .MovedTo(ReportStatus.Resolved, "m2", null, FiledAt.AddDays(1))
            .RatedWith(4, FiledAt.AddDays(2));
        var added = await Reports.AddAsync(resolved, Ct);

        var found = await Reports.GetAsync(added.Number, Ct);

        Assert.NotNull(found);
        Assert.Equal((1L, 1L), (found.Number, found.Version));
        Assert.Equal(resolved.PhotoIds, found.PhotoIds);
        Assert.Equal(resolved.JoinedResidentIds, found.JoinedResidentIds);
        Assert.Equal(resolved.History, found.History);
        Assert.Equal(resolved.Replies, found.Replies);
        Assert.Equal(
            resolved with { Number = 1, Version = 1, PhotoIds = found.PhotoIds, JoinedResidentIds = found.JoinedResidentIds, History = found.History, Replies = found.Replies },
            found);
        Assert.Equal((found.Id, found.Number, found.Version), (added.Id, added.Number, added.Version));
    }

    [Fact]
    public async Task GetAsync_ReportWithoutLocationOrAddress_ReturnsNulls()
    {
        var added = await Reports.AddAsync(NewReport("a"), Ct);

        var found = await Reports.GetAsync(added.Number, Ct);

        Assert.Equal((null, null, null, null), (found?.Location, found?.Address, found?.Rating, found?.RejectionReason));
        Assert.Equal([new ReportChange(FiledAt, ReportStatus.New, null, null)], found?.History);
    }

    [Fact]
    public async Task GetAsync_UnknownNumber_ReturnsNull()
    {
        await Reports.AddAsync(NewReport("a"), Ct);

        var found = await Reports.GetAsync(404, Ct);

        Assert.Null(found);
    }

    [Fact]
    public async Task AddAsync_SeveralReports_NumbersFollowFilingOrder()
    {
        var first = await Reports.AddAsync(NewReport("a"), Ct);
        var second = await Reports.AddAsync(NewReport("b"), Ct);
        var third = await Reports.AddAsync(NewReport("c"), Ct);

        Assert.Equal([1L, 2L, 3L], [first.Number, second.Number, third.Number]);
    }

    [Fact]
    public async Task AddAsync_SameIdAgain_StoresNothingAndGivesNoNewNumber()
    {
        var first = await Reports.AddAsync(NewReport("a"), Ct);

        var again = await Reports.AddAsync(NewReport("a") with { Description = "Вдруге" }, Ct);
        var next = await Reports.AddAsync(NewReport("b"), Ct);

        Assert.Equal((1L, first.Description), (again.Number, again.Description));
        Assert.Equal(2, next.Number);
        Assert.Equal(2, (await Reports.ListAsync(new ReportFilter(), Ct)).Count);
    }

    [Fact]
    public async Task AddAsync_SameIdConcurrently_StoresOneReport()
    {
        var added = await RunConcurrentlyAsync(10, _ => Reports.AddAsync(NewReport("a"), Ct));

        Assert.Single(added.Select(report => report.Number).Distinct());
        Assert.Single(await Reports.ListAsync(new ReportFilter(), Ct));
    }

    [Fact]
    public async Task AddAsync_ManyConcurrently_EachGetsItsOwnNumber()
    {
        var added = await RunConcurrentlyAsync(20, i => Reports.AddAsync(NewReport($"r{i}"), Ct));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), added.Select(report => report.Number).Order());
    }

    [Fact]
    public async Task TryUpdateAsync_CurrentVersion_ReplacesAndIncrementsVersion()
    {
        var added = await Reports.AddAsync(NewReport("a"), Ct);

        var updated = await Reports.TryUpdateAsync(added.MovedTo(ReportStatus.Acknowledged, "m1", null, FiledAt.AddHours(1)), Ct);

        var found = await Reports.GetAsync(added.Number, Ct);
        Assert.True(updated);
        Assert.Equal((ReportStatus.Acknowledged, 2L, 2), (found?.Status, found?.Version, found?.History.Count));
    }

    [Fact]
    public async Task TryUpdateAsync_StaleVersion_ReturnsFalseAndKeepsTheStoredReport()
    {
        var added = await Reports.AddAsync(NewReport("a"), Ct);
        await Reports.TryUpdateAsync(added.JoinedBy("r2"), Ct);

        var updated = await Reports.TryUpdateAsync(added.MovedTo(ReportStatus.Rejected, "m1", "Дублікат", FiledAt.AddHours(1)), Ct);

        var found = await Reports.GetAsync(added.Number, Ct);
        Assert.False(updated);
        Assert.Equal((ReportStatus.New, 2L), (found?.Status, found?.Version));
        Assert.Equal(["r2"], found?.JoinedResidentIds);
    }

    [Fact]
    public async Task TryUpdateAsync_NeverStored_ReturnsFalseAndStoresNothing()
    {
        var updated = await Reports.TryUpdateAsync(NewReport("a") with { Number = 7, Version = 1 }, Ct);

        Assert.False(updated);
        Assert.Empty(await Reports.ListAsync(new ReportFilter(), Ct));
    }

    [Fact]
    public async Task UpdateAsync_ResidentsJoinConcurrently_KeepsEveryOne()
    {
        var added = await Reports.AddAsync(NewReport("a"), Ct);

        await RunConcurrentlyAsync(10, i => Reports.UpdateAsync(added.Number, report => report.JoinedBy($"j{i}"), Ct));

        var found = await Reports.GetAsync(added.Number, Ct);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"j{i}").Order(), found!.JoinedResidentIds.Order());
        Assert.Equal(11, found.Version);
    }

    [Fact]
    public async Task ListByResidentAsync_FiledAndJoined_ReturnsBothNewestFirst()
    {
        await Reports.AddAsync(NewReport("mine-old", reporterId: "olena", filedAt: FiledAt), Ct);
        var joined = await Reports.AddAsync(NewReport("joined", reporterId: "taras", filedAt: FiledAt.AddDays(1)), Ct);
        await Reports.TryUpdateAsync(joined.JoinedBy("olena"), Ct);
        await Reports.AddAsync(NewReport("mine-new", reporterId: "olena", filedAt: FiledAt.AddDays(2)), Ct);
        await Reports.AddAsync(NewReport("other", reporterId: "taras", filedAt: FiledAt.AddDays(3)), Ct);

        var listed = await Reports.ListByResidentAsync("olena", Ct);

        Assert.Equal(["mine-new", "joined", "mine-old"], listed.Select(report => report.Id));
    }

    [Fact]
    public async Task ListOpenInBoxAsync_MixedReports_ReturnsOpenOnesOfTheCategoryInsideTheBox()
    {
        var box = GeoDistance.Around(Centre, 100);
        await Reports.AddAsync(NewReport("inside", location: Offset(30, 30)), Ct);
        await AddMovedAsync(NewReport("acknowledged", location: Offset(-30)), ReportStatus.Acknowledged);
        await AddMovedAsync(NewReport("in-progress", location: Offset(0, -30)), ReportStatus.InProgress);
        await AddMovedAsync(NewReport("resolved", location: Centre), ReportStatus.Resolved);
        await AddMovedAsync(NewReport("rejected", location: Centre), ReportStatus.Rejected);
        await Reports.AddAsync(NewReport("other-category", ReportCategory.Waste, Centre), Ct);
        await Reports.AddAsync(NewReport("north", location: Offset(150)), Ct);
        await Reports.AddAsync(NewReport("east", location: Offset(0, 150)), Ct);
        await Reports.AddAsync(NewReport("address-only"), Ct);

        var found = await Reports.ListOpenInBoxAsync(ReportCategory.Roads, box, Ct);

        Assert.Equal(["acknowledged", "in-progress", "inside"], found.Select(report => report.Id).Order());
    }

    [Fact]
    public async Task ListOpenNearAsync_ReportsAround_ReturnsThoseWithinTheRadiusNearestFirst()
    {
        await Reports.AddAsync(NewReport("40m", location: Offset(40)), Ct);
        await Reports.AddAsync(NewReport("10m", location: Offset(0, 10)), Ct);
        await Reports.AddAsync(NewReport("box-corner-60m", location: Offset(45, 45)), Ct);
        await Reports.AddAsync(NewReport("80m", location: Offset(-80)), Ct);

        var near = await Reports.ListOpenNearAsync(ReportCategory.Roads, Centre, 50, Ct);

        Assert.Equal(["10m", "40m"], near.Select(report => report.Id));
    }

    [Fact]
    public async Task ListForModerationAsync_MixedReports_ReturnsTheCommunitysReportsInTheStatusOldestFirst()
    {
        await Reports.AddAsync(NewReport("newer", filedAt: FiledAt.AddHours(2)), Ct);
        await Reports.AddAsync(NewReport("older", filedAt: FiledAt), Ct);
        await Reports.AddAsync(NewReport("lviv", communityId: "lviv"), Ct);
        await AddMovedAsync(NewReport("acknowledged"), ReportStatus.Acknowledged);

        var queue = await Reports.ListForModerationAsync("kamianske", ReportStatus.New, Ct);
        var acknowledged = await Reports.ListForModerationAsync("kamianske", ReportStatus.Acknowledged, Ct);

        Assert.Equal(["older", "newer"], queue.Select(report => report.Id));
        Assert.Equal(["acknowledged"], acknowledged.Select(report => report.Id));
    }

    [Fact]
    public async Task ListAsync_EmptyFilter_ReturnsEveryReportNewestFirst()
    {
        await Reports.AddAsync(NewReport("b", filedAt: FiledAt.AddDays(1)), Ct);
        await Reports.AddAsync(NewReport("a", filedAt: FiledAt), Ct);
        await Reports.AddAsync(NewReport("c", communityId: "lviv", filedAt: FiledAt.AddDays(2)), Ct);

        var all = await Reports.ListAsync(new ReportFilter(), Ct);

        Assert.Equal(["c", "b", "a"], all.Select(report => report.Id));
    }

    [Fact]
    public async Task ListAsync_EveryCondition_ReturnsOnlyReportsMatchingAll()
    {
        await Reports.AddAsync(NewReport("match", ReportCategory.Lighting, filedAt: FiledAt.AddDays(1)), Ct);
        await AddMovedAsync(NewReport("match-in-progress", ReportCategory.Waste, filedAt: FiledAt.AddDays(2)), ReportStatus.InProgress);
        await Reports.AddAsync(NewReport("other-category", ReportCategory.Roads, filedAt: FiledAt.AddDays(1)), Ct);
        await AddMovedAsync(NewReport("resolved", ReportCategory.Lighting, filedAt: FiledAt.AddDays(1)), ReportStatus.Resolved);
        await Reports.AddAsync(NewReport("other-community", ReportCategory.Lighting, communityId: "lviv", filedAt: FiledAt.AddDays(1)), Ct);
        await Reports.AddAsync(NewReport("too-early", ReportCategory.Lighting, filedAt: FiledAt.AddMinutes(-1)), Ct);
        await Reports.AddAsync(NewReport("at-the-end", ReportCategory.Lighting, filedAt: FiledAt.AddDays(3)), Ct);
        var filter = new ReportFilter(
            CommunityId: "kamianske",
            Statuses: [ReportStatus.New, ReportStatus.InProgress],
            Categories: [ReportCategory.Lighting, ReportCategory.Waste],
            CreatedFrom: FiledAt,
            CreatedBefore: FiledAt.AddDays(3));

        var found = await Reports.ListAsync(filter, Ct);

        Assert.Equal(["match-in-progress", "match"], found.Select(report => report.Id));
    }

    [Fact]
    public async Task ListAsync_Limit_ReturnsTheNewestOnly()
    {
        for (var day = 0; day < 5; day++)
        {
            await Reports.AddAsync(NewReport($"d{day}", filedAt: FiledAt.AddDays(day)), Ct);
        }

        var found = await Reports.ListAsync(new ReportFilter(Limit: 2), Ct);

        Assert.Equal(["d4", "d3"], found.Select(report => report.Id));
    }

    [Fact]
    public async Task ListAsync_OffsetAndLimit_ReturnsThatPageNewestFirst()
    {
        for (var day = 0; day < 5; day++)
        {
            await Reports.AddAsync(NewReport($"d{day}", filedAt: FiledAt.AddDays(day)), Ct);
        }

        var second = await Reports.ListAsync(new ReportFilter(Limit: 2, Offset: 2), Ct);
        var beyond = await Reports.ListAsync(new ReportFilter(Limit: 2, Offset: 5), Ct);

        Assert.Equal(["d2", "d1"], second.Select(report => report.Id));
        Assert.Empty(beyond);
    }
}
