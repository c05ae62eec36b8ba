using Hromada.Core.Ideas;
using Hromada.Core.Polls;
using Hromada.Core.Reports;
using Hromada.Core.Residents;
using Hromada.Core.Tests.Dialogs.Ideas;
using Hromada.Core.Tests.Dialogs.Polls;
using Hromada.Core.Tests.Dialogs.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Dialogs;

/// <summary>What /forget leaves of a resident's contributions: the community's part, with no link back to them.</summary>
public sealed class ForgetDialogTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Forget_AuthorOfIdeas_PublicIdeasStayWithoutTheAuthorAndUnpublishedOnesAreDeleted()
    {
        await using var bot = await StartAsync();
        var olena = await bot.IdOfAsync("olena");
        var taras = await bot.IdOfAsync("taras");
        var now = _time.GetUtcNow();
        await bot.SeedAsync(IdeaFixtures.Published(now, olena, "published"));
        await bot.SeedAsync(IdeaFixtures.Proposed(now, olena, "proposed"));
        await bot.SeedAsync(IdeaFixtures.Proposed(now, olena, "rejected").MovedTo(IdeaStatus.Rejected, now, "moderator", "Не стосується громади"));
        await bot.SeedAsync(IdeaFixtures.Published(now, taras, "tarass"));
        await bot.Ideas().SupportAsync("published", taras, now, Ct);
        await bot.Ideas().SupportAsync("tarass", olena, now, Ct);

        await ForgetAsync(bot, "olena");

        var kept = await bot.Ideas().GetAsync("published", Ct);
        Assert.Equal((ForgottenResident.Id, IdeaFixtures.Text, IdeaStatus.Published), (kept?.AuthorResidentId, kept?.Text, kept?.Status));
        Assert.Equal([ForgottenResident.Id, "moderator"], kept!.History.Select(change => change.ByResidentId));
        Assert.Null(await bot.Ideas().GetAsync("proposed", Ct));
        Assert.Null(await bot.Ideas().GetAsync("rejected", Ct));
        Assert.Empty(await bot.Ideas().ListByAuthorAsync(olena, Ct));
        Assert.Equal(1, (await bot.Ideas().TallyAsync("published", Ct)).Supporters);
        Assert.Equal(1, (await bot.Ideas().TallyAsync("tarass", Ct)).Supporters);
    }

    [Fact]
    public async Task Forget_ReporterAndJoiner_ReportsStayWithoutTheirLink()
    {
        await using var bot = await StartAsync();
        var olena = await bot.IdOfAsync("olena");
        var taras = await bot.IdOfAsync("taras");
        var now = _time.GetUtcNow();
        var filed = await bot.SeedAsync(now, ReportFixtures.Centre, reporterId: olena);
        await bot.Reports().UpdateAsync(filed.Number, report => report.JoinedBy(taras), Ct);
        var joined = await bot.SeedAsync(now, ReportFixtures.Offset(500), reporterId: taras);
        await bot.Reports().UpdateAsync(joined.Number, report => report.JoinedBy(olena), Ct);

        await ForgetAsync(bot, "olena");

        var filedAfter = await bot.Reports().GetAsync(filed.Number, Ct);
        var joinedAfter = await bot.Reports().GetAsync(joined.Number, Ct);
        Assert.Equal((ForgottenResident.Id, filed.Description, ReportFixtures.Centre), (filedAfter?.ReporterId, filedAfter?.Description, filedAfter?.Location));
        Assert.Equal([taras], filedAfter!.JoinedResidentIds);
        Assert.Equal((taras, 0), (joinedAfter?.ReporterId, joinedAfter?.JoinedResidentIds.Count));
        Assert.Empty(await bot.Reports().ListByResidentAsync(olena, Ct));
    }

    [Fact]
    public async Task Forget_Voter_BallotStaysCounted()
    {
        await using var bot = await StartAsync();
        var poll = await bot.SeedAsync(PollFixtures.Open(_time.GetUtcNow()));
        await bot.Services<IBallotStore>().CastAsync(poll.Id, await bot.IdOfAsync("olena"), [0], _time.GetUtcNow(), Ct);

        await ForgetAsync(bot, "olena");

        Assert.Null(await bot.ResidentAsync("olena"));
        Assert.Equal(1, await bot.Services<IBallotStore>().CountAsync(poll.Id, Ct));
    }

    private static async Task ForgetAsync(EngineHarness bot, string user)
    {
        await bot.SayAsync(user, "/forget");
        Assert.Equal(EngineHarness.Text("Forget_Done"), Assert.Single(await bot.PressAsync(user, "confirm")).Text);
    }

    private async Task<EngineHarness> StartAsync()
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        await OnboardingDialogTests.OnboardAsync(bot, "taras", "Тарас");
        return bot;
    }
}
