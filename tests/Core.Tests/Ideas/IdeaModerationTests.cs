using Hromada.Core.Ideas;
using Hromada.Core.Localization;
using Hromada.Core.Tests.Dialogs;
using Hromada.Core.Tests.Dialogs.Ideas;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Ideas;

public sealed class IdeaModerationTests : IDisposable
{
    private const string Moderator = "moderator-7";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_ProposedIdea_StoresTheStepWithTheModeratorAndTellsTheAuthorOnce()
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")));
        _time.Advance(TimeSpan.FromMinutes(30));

        var result = await Moderation(bot).PublishAsync("i1", Moderator, Ct);

        var stored = await bot.Ideas().GetAsync("i1", Ct);
        Assert.Equal(IdeaModerationOutcome.Changed, result.Outcome);
        Assert.Equal(stored!.History, result.Idea!.History);
        Assert.Equal(stored with { History = result.Idea.History }, result.Idea);
        Assert.Equal((IdeaStatus.Published, Now), (stored!.Status, stored.UpdatedAt));
        Assert.Equal(new IdeaStatusChange(IdeaStatus.Published, Now, Moderator), stored.History[^1]);
        var notice = Assert.Single(await bot.NewRepliesAsync("olena"));
        Assert.Equal(Text("Ideas_NoticePublished", IdeaFixtures.Title), notice.Text);
        Assert.Equal((Text("Ideas_Open"), "/ideas i1"), (notice.Buttons[0][0].Label, notice.Buttons[0][0].Data));
    }

    [Fact]
    public async Task Reject_WithReason_StoresTheReasonAndTellsTheAuthorWhy()
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")));

        var result = await Moderation(bot).RejectAsync("i1", "  Це вже передбачено міською програмою.  ", Moderator, Ct);

        var stored = await bot.Ideas().GetAsync("i1", Ct);
        Assert.True(result.Changed);
        Assert.Equal((IdeaStatus.Rejected, "Це вже передбачено міською програмою."), (stored!.Status, stored.RejectionReason));
        Assert.Equal(new IdeaStatusChange(IdeaStatus.Rejected, Now, Moderator, "Це вже передбачено міською програмою."), stored.History[^1]);
        Assert.Equal(
            Text("Ideas_NoticeRejected", IdeaFixtures.Title, "Це вже передбачено міською програмою."),
            Assert.Single(await bot.NewRepliesAsync("olena")).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Reject_WithoutReason_ReasonRequiredAndNothingChanges(string reason)
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")));

        var result = await Moderation(bot).RejectAsync("i1", reason, Moderator, Ct);

        Assert.Equal(IdeaModerationOutcome.ReasonRequired, result.Outcome);
        Assert.Equal(IdeaStatus.Proposed, (await bot.Ideas().GetAsync("i1", Ct))!.Status);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
    }

    [Fact]
    public async Task Reject_ReasonLongerThanTheLimit_RefusedAndNothingChanges()
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")));

        var result = await Moderation(bot).RejectAsync("i1", new string('п', Idea.ReasonMaxLength + 1), Moderator, Ct);

        Assert.Equal(IdeaModerationOutcome.ReasonTooLong, result.Outcome);
        Assert.Equal(IdeaStatus.Proposed, (await bot.Ideas().GetAsync("i1", Ct))!.Status);
    }

    [Fact]
    public async Task MoveTo_Rejected_AsksForTheReasonThroughReject()
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")));

        var result = await Moderation(bot).MoveToAsync("i1", IdeaStatus.Rejected, Moderator, Ct);

        Assert.Equal(IdeaModerationOutcome.ReasonRequired, result.Outcome);
        Assert.Equal(IdeaStatus.Proposed, (await bot.Ideas().GetAsync("i1", Ct))!.Status);
    }

    [Theory]
    [InlineData(IdeaStatus.Proposed, IdeaStatus.UnderConsideration)]
    [InlineData(IdeaStatus.Proposed, IdeaStatus.Implemented)]
    [InlineData(IdeaStatus.Published, IdeaStatus.Accepted)]
    [InlineData(IdeaStatus.Published, IdeaStatus.Rejected)]
    [InlineData(IdeaStatus.Published, IdeaStatus.Proposed)]
    [InlineData(IdeaStatus.UnderConsideration, IdeaStatus.Published)]
    [InlineData(IdeaStatus.Accepted, IdeaStatus.UnderConsideration)]
    [InlineData(IdeaStatus.Implemented, IdeaStatus.Accepted)]
    [InlineData(IdeaStatus.Rejected, IdeaStatus.Published)]
    public async Task MoveTo_IllegalTransition_NotAllowedAndNothingChangesOrIsSent(IdeaStatus from, IdeaStatus to)
    {
        await using var bot = await StartAsync("olena");
        var idea = await bot.SeedAsync(InStatus(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")), from));

        var result = await (to == IdeaStatus.Rejected
            ? Moderation(bot).RejectAsync("i1", "Причина", Moderator, Ct)
            : Moderation(bot).MoveToAsync("i1", to, Moderator, Ct));

        Assert.Equal(IdeaModerationOutcome.NotAllowed, result.Outcome);
        Assert.Equal(from, result.Idea?.Status);
        Assert.Equal(idea.History, (await bot.Ideas().GetAsync("i1", Ct))!.History);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
    }

    [Fact]
    public async Task MoveTo_UnknownIdea_NotFound()
    {
        await using var bot = await StartAsync();

        var result = await Moderation(bot).PublishAsync("i404", Moderator, Ct);

        Assert.Equal(new IdeaModerationResult(IdeaModerationOutcome.NotFound, null), result);
    }

    [Fact]
    public async Task MoveTo_EveryStepAfterPublishing_TellsTheAuthorAndEachSupporterOnceInTheirLanguage()
    {
        await using var bot = await StartAsync("olena", "taras", "john");
        await SetLanguageAsync(bot, "john", Language.En);
        await bot.SeedAsync(IdeaFixtures.Published(Now, await bot.IdOfAsync("olena")));
        await bot.Ideas().SupportAsync("i1", await bot.IdOfAsync("taras"), Now, Ct);
        await bot.Ideas().SupportAsync("i1", await bot.IdOfAsync("john"), Now, Ct);
        var moderation = Moderation(bot);

        foreach (var status in new[] { IdeaStatus.UnderConsideration, IdeaStatus.Accepted, IdeaStatus.Implemented })
        {
            var result = await moderation.MoveToAsync("i1", status, Moderator, Ct);

            Assert.Equal(IdeaModerationOutcome.Changed, result.Outcome);
            Assert.Equal(
                Text("Ideas_NoticeAuthor", IdeaFixtures.Title, Text($"IdeaStatus_{status}")),
                Assert.Single(await bot.NewRepliesAsync("olena")).Text);
            Assert.Equal(
                Text("Ideas_NoticeSupporter", IdeaFixtures.Title, Text($"IdeaStatus_{status}")),
                Assert.Single(await bot.NewRepliesAsync("taras")).Text);
            var english = Assert.Single(await bot.NewRepliesAsync("john"));
            Assert.Equal(
                Texts.Get(Language.En, "Ideas_NoticeSupporter", IdeaFixtures.Title, Texts.Get(Language.En, $"IdeaStatus_{status}")),
                english.Text);
            Assert.Equal("/ideas i1", english.Buttons[0][0].Data);
        }

        var history = (await bot.Ideas().GetAsync("i1", Ct))!.History;
        Assert.Equal(
            [IdeaStatus.Proposed, IdeaStatus.Published, IdeaStatus.UnderConsideration, IdeaStatus.Accepted, IdeaStatus.Implemented],
            history.Select(change => change.Status));
        Assert.All(history.Skip(2), change => Assert.Equal(Moderator, change.ByResidentId));
    }

    [Fact]
    public async Task Publish_RepeatedRequest_AlreadyInStatusAndNothingSentTwice()
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")));
        await Moderation(bot).PublishAsync("i1", Moderator, Ct);
        await bot.NewRepliesAsync("olena");

        var again = await Moderation(bot).PublishAsync("i1", "moderator-8", Ct);

        Assert.Equal(IdeaModerationOutcome.AlreadyInStatus, again.Outcome);
        Assert.Equal(2, again.Idea!.History.Count);
        Assert.Equal(Moderator, again.Idea.History[^1].ByResidentId);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
    }

    [Fact]
    public async Task Publish_TenModeratorsAtOnce_OneChangeOneHistoryStepAndOneNotice()
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")));
        var moderation = Moderation(bot);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 10).Select(async i =>
        {
            await start.Task;
            return await moderation.PublishAsync("i1", $"moderator-{i}", Ct);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Single(results, result => result.Changed);
        Assert.All(results.Where(result => !result.Changed), result => Assert.Equal(IdeaModerationOutcome.AlreadyInStatus, result.Outcome));
        Assert.Equal(2, (await bot.Ideas().GetAsync("i1", Ct))!.History.Count);
        Assert.Single(await bot.NewRepliesAsync("olena"));
    }

    [Fact]
    public async Task Notice_OpenButtonPressedByTheAuthor_ShowsTheirRejectedIdeaWithTheReason()
    {
        await using var bot = await StartAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, await bot.IdOfAsync("olena")));
        await Moderation(bot).RejectAsync("i1", "Поза повноваженнями громади", Moderator, Ct);
        var notice = Assert.Single(await bot.NewRepliesAsync("olena"));

        var opened = Assert.Single(await bot.PressAsync("olena", notice.Buttons[0][0].Data));

        Assert.Contains(Text("Ideas_RejectionReason", "Поза повноваженнями громади"), opened.Text);
        Assert.EndsWith(Text("Ideas_YourIdea"), opened.Text);
    }

    private static IdeaModeration Moderation(EngineHarness bot) => bot.Services<IdeaModeration>();

    /// <summary>The idea moved along the legal path up to <paramref name="status"/>.</summary>
    private Idea InStatus(Idea proposed, IdeaStatus status)
    {
        if (status == IdeaStatus.Rejected)
        {
            return proposed.MovedTo(IdeaStatus.Rejected, Now, Moderator, "Причина");
        }

        var idea = proposed;
        while (idea.Status != status)
        {
            idea = idea.MovedTo(Idea.NextStatuses(idea.Status)[0], Now, Moderator);
        }

        return idea;
    }

    private async Task<EngineHarness> StartAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, "Олена");
        }

        return bot;
    }

    private static async Task SetLanguageAsync(EngineHarness bot, string user, Language language)
    {
        var resident = (await bot.ResidentAsync(user))!;
        resident.Language = language;
        await bot.Residents.SaveAsync(resident, CancellationToken.None);
    }
}
