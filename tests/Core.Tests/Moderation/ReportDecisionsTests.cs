using Hromada.Core.Moderation;
using Hromada.Core.Reports;
using Hromada.Core.Tests.Dialogs.Reports;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;
using static Hromada.Core.Tests.Moderation.ModerationFixtures;

namespace Hromada.Core.Tests.Moderation;

/// <summary>A report step as the services take it: what its status does not allow is told apart from what is not there.</summary>
public sealed class ReportDecisionsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ActAsync_ResolveARejectedReport_NotAllowedNobodyToldNothingAudited()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var reporter = await bot.StoreResidentAsync("olena");
        var report = await bot.MoveAsync(await bot.SeedAsync(Now, ReportFixtures.Centre, reporterId: reporter.Id), ReportStatus.Rejected, Now);

        var result = await bot.Services<ReportDecisions>().ActAsync(ModeratorOf("kamianske"), report.Number, ReportAction.Resolve, null, Ct);
        var unknown = await bot.Services<ReportDecisions>().ActAsync(ModeratorOf("kamianske"), 999, ReportAction.Resolve, null, Ct);

        Assert.Equal((ModerationOutcome.NotAllowed, ReportStatus.Rejected), (result.Outcome, result.Subject?.Status));
        Assert.Equal(new Moderated<ProblemReport>(ModerationOutcome.NotFound, null), unknown);
        Assert.Equal(ReportStatus.Rejected, (await bot.Reports().GetAsync(report.Number, Ct))!.Status);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
        Assert.Empty(await bot.Services<IAuditStore>().ListRecentAsync(null, 10, Ct));
    }

    [Fact]
    public async Task ActAsync_ResolveWithANote_TellsTheReporterTheNoteAndAuditsIt()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var reporter = await bot.StoreResidentAsync("olena");
        var report = await bot.SeedAsync(Now, ReportFixtures.Centre, reporterId: reporter.Id);

        var result = await bot.Services<ReportDecisions>().ActAsync(
            ModeratorOf("kamianske", "api:k1"), report.Number, ReportAction.Resolve, "Яму залатали в понеділок.", Ct);

        Assert.Equal((ModerationOutcome.Done, ReportStatus.Resolved), (result.Outcome, result.Subject?.Status));
        Assert.Equal(new ReportChange(Now, ReportStatus.Resolved, "api:k1", "Яму залатали в понеділок."), result.Subject!.History[^1]);
        var notice = Assert.Single(await bot.NewRepliesAsync("olena"));
        Assert.Contains(Text("Reports_Note", "Яму залатали в понеділок."), notice.Text);
        var audited = Assert.Single(await bot.Services<IAuditStore>().ListRecentAsync(null, 10, Ct));
        Assert.Equal(
            ("api:k1", AuditActions.ReportResolved, "{\"status\":\"new\"}", "{\"status\":\"resolved\",\"note\":\"Яму залатали в понеділок.\"}"),
            (audited.Actor.Id, audited.Action, audited.Before, audited.After));
    }
}
