using Hromada.Core.Communities;
using Hromada.Core.Ideas;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset IdeaTime = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    protected static Idea ProposedIdea(string id, string communityId = "kamianske", DateTimeOffset? at = null, string author = "author") =>
        Idea.Propose(id, communityId, "ecology", $"Idea {id}", $"The text of idea {id}, long enough.", null, author, at ?? IdeaTime);

    protected static Idea PublishedIdea(string id, string communityId = "kamianske", DateTimeOffset? at = null) =>
        ProposedIdea(id, communityId, at).MovedTo(IdeaStatus.Published, (at ?? IdeaTime).AddHours(1), "moderator");

    [Fact]
    public async Task GetAsync_SavedIdea_ReturnsEveryFieldAndTheHistory()
    {
        var idea = Idea.Propose(
                "i1", Community.NationalId, "transport", "Велодоріжка через міст", "Безпечна велодоріжка з'єднає обидва береги.",
                "AgACAgIAAxkBAAIBQ2", "r1", IdeaTime)
            .MovedTo(IdeaStatus.Rejected, IdeaTime.AddHours(2), "m1", "Дублює ідею i0");
        await Ideas.SaveAsync(idea, Ct);

        var found = await Ideas.GetAsync("i1", Ct);

        Assert.NotNull(found);
        Assert.Equal(idea.History, found.History);
        Assert.Equal(idea with { History = found.History }, found);
        Assert.Equal(
            [new IdeaStatusChange(IdeaStatus.Proposed, IdeaTime, "r1"), new IdeaStatusChange(IdeaStatus.Rejected, IdeaTime.AddHours(2), "m1", "Дублює ідею i0")],
            found.History);
        Assert.Equal(("Дублює ідею i0", IdeaTime.AddHours(2)), (found.RejectionReason, found.UpdatedAt));
    }

    [Fact]
    public async Task GetAsync_UnknownIdeaId_ReturnsNull()
    {
        await Ideas.SaveAsync(ProposedIdea("i1"), Ct);

        var found = await Ideas.GetAsync("i404", Ct);

        Assert.Null(found);
    }

    [Fact]
    public async Task TryChangeStatusAsync_StoredStatusAsExpected_ReplacesTheIdea()
    {
        var proposed = ProposedIdea("i1");
        await Ideas.SaveAsync(proposed, Ct);

        var changed = await Ideas.TryChangeStatusAsync(proposed.MovedTo(IdeaStatus.Published, IdeaTime.AddHours(1), "m1"), IdeaStatus.Proposed, Ct);

        var found = await Ideas.GetAsync("i1", Ct);
        Assert.True(changed);
        Assert.Equal(IdeaStatus.Published, found?.Status);
        Assert.Equal([IdeaStatus.Proposed, IdeaStatus.Published], found!.History.Select(change => change.Status));
    }

    [Fact]
    public async Task TryChangeStatusAsync_StatusChangedMeanwhile_WritesNothing()
    {
        var proposed = ProposedIdea("i1");
        await Ideas.SaveAsync(proposed.MovedTo(IdeaStatus.Rejected, IdeaTime.AddHours(1), "m1", "Не стосується громади"), Ct);

        var changed = await Ideas.TryChangeStatusAsync(proposed.MovedTo(IdeaStatus.Published, IdeaTime.AddHours(2), "m2"), IdeaStatus.Proposed, Ct);

        var found = await Ideas.GetAsync("i1", Ct);
        Assert.False(changed);
        Assert.Equal((IdeaStatus.Rejected, "Не стосується громади"), (found?.Status, found?.RejectionReason));
    }

    [Fact]
    public async Task TryChangeStatusAsync_UnknownIdea_WritesNothing()
    {
        var changed = await Ideas.TryChangeStatusAsync(PublishedIdea("i1"), IdeaStatus.Proposed, Ct);

        Assert.False(changed);
        Assert.Null(await Ideas.GetAsync("i1", Ct));
    }

    [Fact]
    public async Task TryChangeStatusAsync_HundredConcurrentChangesFromTheSameStatus_ExactlyOneIsStored()
    {
        var proposed = ProposedIdea("i1");
        await Ideas.SaveAsync(proposed, Ct);

        var results = await RunConcurrentlyAsync(100, i => Ideas.TryChangeStatusAsync(
            i % 2 == 0 ? proposed.MovedTo(IdeaStatus.Published, IdeaTime.AddMinutes(i), $"m{i}") : proposed.MovedTo(IdeaStatus.Rejected, IdeaTime.AddMinutes(i), $"m{i}", "Ні"),
            IdeaStatus.Proposed,
            Ct));

        var found = await Ideas.GetAsync("i1", Ct);
        var winner = Array.IndexOf(results, true);
        Assert.Single(results, changed => changed);
        Assert.Equal(2, found!.History.Count);
        Assert.Equal(($"m{winner}", winner % 2 == 0 ? IdeaStatus.Published : IdeaStatus.Rejected), (found.History[1].ByResidentId, found.Status));
    }

    [Fact]
    public async Task TryDeleteAsync_StoredStatusAsExpected_DeletesTheIdeaAndItsSupportsOnly()
    {
        await Ideas.SaveAsync(PublishedIdea("i1"), Ct);
        await Ideas.SaveAsync(PublishedIdea("i2"), Ct);
        await Ideas.SupportAsync("i1", "r1", IdeaTime, Ct);
        await Ideas.SupportAsync("i2", "r1", IdeaTime, Ct);

        var deleted = await Ideas.TryDeleteAsync("i1", IdeaStatus.Published, Ct);

        Assert.True(deleted);
        Assert.Null(await Ideas.GetAsync("i1", Ct));
        Assert.Equal(["i2"], (await Ideas.ListSupportsByResidentAsync("r1", Ct)).Select(support => support.IdeaId));
        Assert.NotNull(await Ideas.GetAsync("i2", Ct));
    }

    [Fact]
    public async Task TryDeleteAsync_StatusChangedMeanwhileOrUnknown_DeletesNothing()
    {
        await Ideas.SaveAsync(PublishedIdea("i1"), Ct);

        var changed = await Ideas.TryDeleteAsync("i1", IdeaStatus.Proposed, Ct);
        var unknown = await Ideas.TryDeleteAsync("i9", IdeaStatus.Proposed, Ct);

        Assert.False(changed);
        Assert.False(unknown);
        Assert.Equal(IdeaStatus.Published, (await Ideas.GetAsync("i1", Ct))?.Status);
    }

    [Fact]
    public async Task ListPublishedAsync_MixedIdeas_ReturnsPublicIdeasOfTheCommunitiesMostSupportedThenNewest()
    {
        await Ideas.SaveAsync(PublishedIdea("older", at: IdeaTime), Ct);
        await Ideas.SaveAsync(PublishedIdea("newer", at: IdeaTime.AddDays(1)), Ct);
        await Ideas.SaveAsync(PublishedIdea("supported", at: IdeaTime.AddDays(-3)), Ct);
        await Ideas.SaveAsync(PublishedIdea("national", Community.NationalId, IdeaTime.AddDays(-1)), Ct);
        await Ideas.SaveAsync(PublishedIdea("considered").MovedTo(IdeaStatus.UnderConsideration, IdeaTime.AddDays(2), "m1"), Ct);
        await Ideas.SaveAsync(PublishedIdea("other-community", "lviv"), Ct);
        await Ideas.SaveAsync(ProposedIdea("proposed"), Ct);
        await Ideas.SaveAsync(ProposedIdea("rejected").MovedTo(IdeaStatus.Rejected, IdeaTime, "m1", "Ні"), Ct);
        foreach (var resident in new[] { "r1", "r2", "r3" })
        {
            await Ideas.SupportAsync("supported", resident, IdeaTime, Ct);
        }

        await Ideas.SupportAsync("national", "r1", IdeaTime, Ct);
        await Ideas.SupportAsync("considered", "r2", IdeaTime, Ct);
        await Ideas.RateAsync("considered", "r2", 4, IdeaTime, Ct);
        await Ideas.SupportAsync("other-community", "r1", IdeaTime, Ct);
        await Ideas.SupportAsync("other-community", "r2", IdeaTime, Ct);

        var ranked = await Ideas.ListPublishedAsync(["kamianske", Community.NationalId], 10, Ct);

        Assert.Equal(["supported", "considered", "national", "newer", "older"], ranked.Select(r => r.Idea.Id));
        Assert.Equal([3, 1, 1, 0, 0], ranked.Select(r => r.Tally.Supporters));
        Assert.Equal(new IdeaTally(1, 1, 4), ranked[1].Tally);
    }

    [Fact]
    public async Task ListPublishedAsync_MoreThanTheLimit_ReturnsTheTopOnes()
    {
        for (var i = 0; i < 5; i++)
        {
            await Ideas.SaveAsync(PublishedIdea($"i{i}", at: IdeaTime.AddHours(i)), Ct);
        }

        await Ideas.SupportAsync("i0", "r1", IdeaTime, Ct);

        var ranked = await Ideas.ListPublishedAsync(["kamianske"], 3, Ct);

        Assert.Equal(["i0", "i4", "i3"], ranked.Select(r => r.Idea.Id));
    }

    [Fact]
    public async Task ListAsync_CommunitiesAndStatus_PagesNewestFirst()
    {
        for (var i = 0; i < 4; i++)
        {
            await Ideas.SaveAsync(ProposedIdea($"k{i}", at: IdeaTime.AddHours(i)), Ct);
        }

        await Ideas.SaveAsync(PublishedIdea("published", at: IdeaTime.AddHours(10)), Ct);
        await Ideas.SaveAsync(ProposedIdea("national", Community.NationalId, IdeaTime.AddHours(1.5)), Ct);
        await Ideas.SaveAsync(ProposedIdea("lviv", "lviv", IdeaTime.AddHours(20)), Ct);

        var first = await Ideas.ListAsync(["kamianske", Community.NationalId], IdeaStatus.Proposed, 0, 3, Ct);
        var second = await Ideas.ListAsync(["kamianske", Community.NationalId], IdeaStatus.Proposed, 3, 3, Ct);
        var any = await Ideas.ListAsync(["kamianske"], null, 0, 2, Ct);

        Assert.Equal(["k3", "k2", "national"], first.Select(idea => idea.Id));
        Assert.Equal(["k1", "k0"], second.Select(idea => idea.Id));
        Assert.Equal(["published", "k3"], any.Select(idea => idea.Id));
        Assert.Equal(["published"], (await Ideas.ListAsync(["kamianske"], IdeaStatus.Published, 0, 10, Ct)).Select(idea => idea.Id));
    }

    [Fact]
    public async Task ListProposedAsync_MixedIdeas_ReturnsProposalsOldestFirst()
    {
        await Ideas.SaveAsync(ProposedIdea("newer", at: IdeaTime), Ct);
        await Ideas.SaveAsync(ProposedIdea("older", "lviv", IdeaTime.AddDays(-1)), Ct);
        await Ideas.SaveAsync(PublishedIdea("published"), Ct);
        await Ideas.SaveAsync(ProposedIdea("rejected").MovedTo(IdeaStatus.Rejected, IdeaTime, "m1", "Ні"), Ct);

        var proposed = await Ideas.ListProposedAsync(Ct);

        Assert.Equal(["older", "newer"], proposed.Select(idea => idea.Id));
    }

    [Fact]
    public async Task ListByAuthorAsync_IdeasOfSeveralAuthors_ReturnsTheirOwnInEveryStatusNewestFirst()
    {
        await Ideas.SaveAsync(ProposedIdea("old", at: IdeaTime, author: "r1").MovedTo(IdeaStatus.Rejected, IdeaTime, "m1", "Ні"), Ct);
        await Ideas.SaveAsync(ProposedIdea("new", at: IdeaTime.AddDays(1), author: "r1"), Ct);
        await Ideas.SaveAsync(ProposedIdea("someone-elses", at: IdeaTime, author: "r2"), Ct);

        var own = await Ideas.ListByAuthorAsync("r1", Ct);

        Assert.Equal(["new", "old"], own.Select(idea => idea.Id));
    }

    [Fact]
    public async Task ListProposedSinceAsync_IdeasBeforeAndAfter_ReturnsThoseSinceInEveryStatusForAllOrOneAuthor()
    {
        await Ideas.SaveAsync(ProposedIdea("before", at: IdeaTime.AddDays(-1), author: "r1"), Ct);
        await Ideas.SaveAsync(ProposedIdea("rejected", at: IdeaTime, author: "r1").MovedTo(IdeaStatus.Rejected, IdeaTime, "m1", "Ні"), Ct);
        await Ideas.SaveAsync(ProposedIdea("other", at: IdeaTime.AddDays(1), author: "r2"), Ct);

        var everybody = await Ideas.ListProposedSinceAsync(IdeaTime, null, Ct);
        var r1 = await Ideas.ListProposedSinceAsync(IdeaTime, "r1", Ct);

        Assert.Equal(["other", "rejected"], everybody.Select(idea => idea.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["rejected"], r1.Select(idea => idea.Id));
    }

    [Fact]
    public async Task SupportAsync_SameResidentTwice_StoresOneSupport()
    {
        var first = await Ideas.SupportAsync("i1", "r1", IdeaTime, Ct);

        var second = await Ideas.SupportAsync("i1", "r1", IdeaTime.AddHours(1), Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(new IdeaSupport("i1", "r1", IdeaTime), await Ideas.FindSupportAsync("i1", "r1", Ct));
        Assert.Equal(new IdeaTally(1, 0, 0), await Ideas.TallyAsync("i1", Ct));
    }

    [Fact]
    public async Task SupportAsync_HundredConcurrentPressesByOneResident_StoresOneSupportAndReportsOneAddition()
    {
        var added = await RunConcurrentlyAsync(100, i => Ideas.SupportAsync("i1", "r1", IdeaTime.AddSeconds(i), Ct));

        var tally = await Ideas.TallyAsync("i1", Ct);

        Assert.Single(added, result => result);
        Assert.Equal(1, tally.Supporters);
        Assert.Equal(["r1"], await Ideas.ListSupporterIdsAsync("i1", Ct));
        Assert.Single(await Ideas.ListSupportsByResidentAsync("r1", Ct));
    }

    [Fact]
    public async Task TallyAsync_ConcurrentPressesAndRatingsByManyResidents_EqualsTheStoredSupports()
    {
        await RunConcurrentlyAsync(100, i => Ideas.SupportAsync("i1", $"r{i % 20}", IdeaTime, Ct));
        await RunConcurrentlyAsync(60, i => Ideas.RateAsync("i1", $"r{i % 10}", 1 + (i % 5), IdeaTime.AddMinutes(i), Ct));

        var tally = await Ideas.TallyAsync("i1", Ct);

        var supports = new List<IdeaSupport>();
        for (var resident = 0; resident < 20; resident++)
        {
            supports.Add((await Ideas.FindSupportAsync("i1", $"r{resident}", Ct))!);
        }

        var ratings = supports.Where(support => support.Rating is not null).Select(support => support.Rating!.Value).ToList();
        Assert.Equal(20, tally.Supporters);
        Assert.Equal(10, tally.Ratings);
        Assert.Equal(ratings.Sum(), tally.RatingSum);
        Assert.Equal(ratings.Average(), tally.AverageRating);
    }

    [Fact]
    public async Task TallyAsync_NoSupports_ReturnsZeroAndNoAverage()
    {
        await Ideas.SupportAsync("i2", "r1", IdeaTime, Ct);

        var tally = await Ideas.TallyAsync("i1", Ct);

        Assert.Equal(IdeaTally.None, tally);
        Assert.Null(tally.AverageRating);
    }

    [Fact]
    public async Task RateAsync_WithoutSupport_ReturnsNullAndStoresNothing()
    {
        var rated = await Ideas.RateAsync("i1", "r1", 5, IdeaTime, Ct);

        Assert.Null(rated);
        Assert.Null(await Ideas.FindSupportAsync("i1", "r1", Ct));
        Assert.Equal(IdeaTally.None, await Ideas.TallyAsync("i1", Ct));
    }

    [Fact]
    public async Task RateAsync_ChangedRating_ReplacesItAndTheAverageStaysExact()
    {
        await Ideas.SupportAsync("i1", "r1", IdeaTime, Ct);
        await Ideas.SupportAsync("i1", "r2", IdeaTime, Ct);
        await Ideas.SupportAsync("i1", "r3", IdeaTime, Ct);
        await Ideas.RateAsync("i1", "r1", 2, IdeaTime.AddHours(1), Ct);
        await Ideas.RateAsync("i1", "r2", 5, IdeaTime.AddHours(1), Ct);

        var changed = await Ideas.RateAsync("i1", "r1", 4, IdeaTime.AddHours(2), Ct);

        var tally = await Ideas.TallyAsync("i1", Ct);
        Assert.Equal(new IdeaSupport("i1", "r1", IdeaTime, 4, IdeaTime.AddHours(2)), changed);
        Assert.Equal(changed, await Ideas.FindSupportAsync("i1", "r1", Ct));
        Assert.Equal(new IdeaTally(3, 2, 9), tally);
        Assert.Equal(4.5, tally.AverageRating);
    }

    [Fact]
    public async Task RateAsync_SameRatingAgain_KeepsTheSupportUnchanged()
    {
        await Ideas.SupportAsync("i1", "r1", IdeaTime, Ct);
        await Ideas.RateAsync("i1", "r1", 3, IdeaTime.AddHours(1), Ct);

        var again = await Ideas.RateAsync("i1", "r1", 3, IdeaTime.AddHours(2), Ct);

        Assert.Equal(new IdeaSupport("i1", "r1", IdeaTime, 3, IdeaTime.AddHours(1)), again);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task RateAsync_OutsideOneToFive_ThrowsAndStoresNothing(int rating)
    {
        await Ideas.SupportAsync("i1", "r1", IdeaTime, Ct);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ideas.RateAsync("i1", "r1", rating, IdeaTime, Ct));

        Assert.Null((await Ideas.FindSupportAsync("i1", "r1", Ct))!.Rating);
    }

    [Fact]
    public async Task ListSupporterIdsAsync_SupportsOfSeveralIdeas_ReturnsThatIdeasSupportersOnly()
    {
        await Ideas.SupportAsync("i1", "r2", IdeaTime.AddHours(1), Ct);
        await Ideas.SupportAsync("i1", "r1", IdeaTime, Ct);
        await Ideas.SupportAsync("i2", "r3", IdeaTime, Ct);

        var supporters = await Ideas.ListSupporterIdsAsync("i1", Ct);

        Assert.Equal(["r1", "r2"], supporters);
    }

    [Fact]
    public async Task ListSupportsByResidentAsync_SupportsOfSeveralResidents_ReturnsTheirOwnOldestFirst()
    {
        await Ideas.SupportAsync("i2", "r1", IdeaTime.AddHours(1), Ct);
        await Ideas.SupportAsync("i1", "r1", IdeaTime, Ct);
        await Ideas.SupportAsync("i1", "r2", IdeaTime, Ct);
        await Ideas.RateAsync("i2", "r1", 5, IdeaTime.AddHours(2), Ct);

        var supports = await Ideas.ListSupportsByResidentAsync("r1", Ct);

        Assert.Equal(
            [new IdeaSupport("i1", "r1", IdeaTime), new IdeaSupport("i2", "r1", IdeaTime.AddHours(1), 5, IdeaTime.AddHours(2))],
            supports);
    }
}
