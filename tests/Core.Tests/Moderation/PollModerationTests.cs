using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.Moderation.ModerationFixtures;

namespace Hromada.Core.Tests.Moderation;

/// <summary>Deciding a proposed poll: once only, also when two moderators decide it at the same moment.</summary>
public sealed class PollModerationTests : IDisposable
{
    private const string Question = "Чи потрібен у парку майданчик для собак?";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApproveAndReject_AtTheSameMoment_OneDecidesTheOtherIsNotAllowedAndTheAuthorHearsOnce()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var author = await bot.StoreResidentAsync("olena");
        await SeedProposalAsync(bot, author.Id);
        var moderation = bot.Services<PollModeration>();

        var results = await Task.WhenAll(
            moderation.ApproveAsync(ModeratorOf("kamianske", "dev:m1"), "p1", Now, Now.AddDays(7), Ct),
            moderation.RejectAsync(ModeratorOf("kamianske", "dev:m2"), "p1", "Таке опитування вже було.", Ct));

        var winner = Assert.Single(results, result => result.IsDone);
        var loser = Assert.Single(results, result => !result.IsDone);
        var stored = await bot.Services<IPollStore>().GetAsync("p1", Ct);
        Assert.Equal(winner.Subject!.Status, stored!.Status);
        Assert.Equal((ModerationOutcome.NotAllowed, stored.Status), (loser.Outcome, loser.Subject?.Status));
        Assert.Single(await bot.NewRepliesAsync("olena"));
        var audited = Assert.Single(await bot.Services<IAuditStore>().ListRecentAsync(null, 10, Ct));
        Assert.Equal(stored.Status == PollStatus.Open ? AuditActions.PollApproved : AuditActions.PollRejected, audited.Action);
    }

    [Fact]
    public async Task RejectAsync_PollOpenAlready_NotAllowedWithThePollAndNothingChanged()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var author = await bot.StoreResidentAsync("olena");
        await SeedProposalAsync(bot, author.Id);
        var moderation = bot.Services<PollModeration>();
        await moderation.ApproveAsync(ModeratorOf("kamianske"), "p1", Now, Now.AddDays(7), Ct);
        await bot.NewRepliesAsync("olena");

        var rejected = await moderation.RejectAsync(ModeratorOf("kamianske"), "p1", "Передумали, не на часі.", Ct);

        Assert.Equal((ModerationOutcome.NotAllowed, PollStatus.Open), (rejected.Outcome, rejected.Subject?.Status));
        Assert.Equal(PollStatus.Open, (await bot.Services<IPollStore>().GetAsync("p1", Ct))!.Status);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
    }

    [Fact]
    public async Task ApproveAsync_ProposalOfABlockedAuthor_NotFound()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var author = await bot.StoreResidentAsync("olena", blockedAt: Now.AddDays(-1));
        await SeedProposalAsync(bot, author.Id);

        var approved = await bot.Services<PollModeration>().ApproveAsync(ModeratorOf("kamianske"), "p1", Now, Now.AddDays(7), Ct);

        Assert.Equal(new Moderated<Poll>(ModerationOutcome.NotFound, null), approved);
        Assert.Equal(PollStatus.Proposed, (await bot.Services<IPollStore>().GetAsync("p1", Ct))!.Status);
    }

    private Task SeedProposalAsync(EngineHarness bot, string authorId) =>
        bot.Services<IPollStore>().SaveAsync(
            new Poll
            {
                Id = "p1",
                CommunityId = "kamianske",
                Question = Question,
                Options = ["Так", "Ні"],
                Status = PollStatus.Proposed,
                AuthorResidentId = authorId,
                CreatedAt = Now.AddHours(-3),
            },
            Ct);
}
