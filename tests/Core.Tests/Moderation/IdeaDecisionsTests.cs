using Hromada.Core.Ideas;
using Hromada.Core.Moderation;
using Hromada.Core.Tests.Dialogs.Ideas;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.Moderation.ModerationFixtures;

namespace Hromada.Core.Tests.Moderation;

/// <summary>The checks around every idea decision: hidden proposals, other communities, steps the status does not allow, pages.</summary>
public sealed class IdeaDecisionsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DecideAsync_ProposalOfABlockedAuthor_NotFoundStaysProposedAndNobodyIsTold()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var author = await bot.StoreResidentAsync("olena", blockedAt: Now.AddDays(-1));
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, author.Id));

        var published = await Decisions(bot).DecideAsync(ModeratorOf("kamianske"), "i1", IdeaStatus.Published, null, Ct);
        var found = await Decisions(bot).FindAsync(ModeratorOf("kamianske"), "i1", Ct);

        Assert.Equal(new Moderated<Idea>(ModerationOutcome.NotFound, null), published);
        Assert.Equal(new Moderated<Idea>(ModerationOutcome.NotFound, null), found);
        Assert.Equal(IdeaStatus.Proposed, (await bot.Ideas().GetAsync("i1", Ct))!.Status);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
        Assert.Empty(await bot.Services<IAuditStore>().ListRecentAsync(null, 10, Ct));
    }

    [Fact]
    public async Task DecideAsync_PublishedIdeaOfAResidentBlockedLater_StillMovesOn()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var author = await bot.StoreResidentAsync("olena", blockedAt: Now.AddDays(-1));
        await bot.SeedAsync(IdeaFixtures.Published(Now, author.Id));

        var moved = await Decisions(bot).DecideAsync(ModeratorOf("kamianske"), "i1", IdeaStatus.UnderConsideration, null, Ct);

        Assert.Equal((ModerationOutcome.Done, IdeaStatus.UnderConsideration), (moved.Outcome, moved.Subject?.Status));
    }

    [Fact]
    public async Task DecideAsync_ImplementedIdea_NotAllowedWithTheIdeaAsStored()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var author = await bot.StoreResidentAsync("olena");
        var implemented = IdeaFixtures.Published(Now, author.Id)
            .MovedTo(IdeaStatus.UnderConsideration, Now, "m")
            .MovedTo(IdeaStatus.Accepted, Now, "m")
            .MovedTo(IdeaStatus.Implemented, Now, "m");
        await bot.SeedAsync(implemented);

        var result = await Decisions(bot).DecideAsync(ModeratorOf("kamianske"), "i1", IdeaStatus.Rejected, "Запізно, вже зроблено.", Ct);

        Assert.Equal((ModerationOutcome.NotAllowed, IdeaStatus.Implemented), (result.Outcome, result.Subject?.Status));
        Assert.Equal(IdeaStatus.Implemented, (await bot.Ideas().GetAsync("i1", Ct))!.Status);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
    }

    [Fact]
    public async Task DecideAsync_IdeaOfAnotherCommunity_RefusedAuditedAndNothingOfItReturned()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var author = await bot.StoreResidentAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, author.Id, communityId: "lviv"));

        var result = await Decisions(bot).DecideAsync(ModeratorOf("kamianske", "api:k1"), "i1", IdeaStatus.Published, null, Ct);

        Assert.Equal(new Moderated<Idea>(ModerationOutcome.Refused, null), result);
        Assert.Equal(IdeaStatus.Proposed, (await bot.Ideas().GetAsync("i1", Ct))!.Status);
        var refused = Assert.Single(await bot.Services<IAuditStore>().ListRecentAsync(null, 10, Ct));
        Assert.Equal(("api:k1", AuditActions.Refused, "lviv"), (refused.Actor.Id, refused.Action, refused.CommunityId));
    }

    [Fact]
    public async Task ListAsync_HiddenProposalAmongOthers_LeftOutBeforePaging()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var author = await bot.StoreResidentAsync("olena");
        var blocked = await bot.StoreResidentAsync("troll", blockedAt: Now.AddDays(-1));
        for (var i = 0; i < 4; i++)
        {
            await bot.SeedAsync(IdeaFixtures.Proposed(Now.AddMinutes(i), author.Id, id: $"i{i}"));
        }

        await bot.SeedAsync(IdeaFixtures.Proposed(Now.AddMinutes(2.5), blocked.Id, id: "hidden"));
        await bot.SeedAsync(IdeaFixtures.Proposed(Now.AddMinutes(9), author.Id, id: "lviv", communityId: "lviv"));

        var first = await Decisions(bot).ListAsync(ModeratorOf("kamianske"), ["kamianske", "lviv"], IdeaStatus.Proposed, 0, 2, Ct);
        var second = await Decisions(bot).ListAsync(ModeratorOf("kamianske"), ["kamianske", "lviv"], IdeaStatus.Proposed, 2, 2, Ct);
        var published = await Decisions(bot).ListAsync(ModeratorOf("kamianske"), ["kamianske"], IdeaStatus.Published, 0, 2, Ct);

        Assert.Equal(["i3", "i2"], first.Select(idea => idea.Id));
        Assert.Equal(["i1", "i0"], second.Select(idea => idea.Id));
        Assert.Empty(published);
    }

    private static IdeaDecisions Decisions(EngineHarness bot) => bot.Services<IdeaDecisions>();
}
