using Hromada.Core.Reports;
using Hromada.Core.Tests.Dialogs;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.Dialogs.Reports.ReportFixtures;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Reports;

public sealed class ReportModerationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Acknowledge_NewReport_StoresTheStepAndTellsTheReporterAndTheJoinedResidentOnce()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);
        _time.Advance(TimeSpan.FromHours(2));

        var result = await Moderation(bot).AcknowledgeAsync(report.Number, Moderator, "Передано до ЖЕК №3", None);

        Assert.Equal(ReportModerationOutcome.Done, result.Outcome);
        var stored = await bot.Reports().GetAsync(report.Number, None);
        Assert.Equal((ReportStatus.Acknowledged, _time.GetUtcNow()), (stored!.Status, stored.UpdatedAt));
        Assert.Equal(new ReportChange(_time.GetUtcNow(), ReportStatus.Acknowledged, Moderator, "Передано до ЖЕК №3"), stored.History[^1]);
        var expected = $"{Text("Reports_StatusChanged", report.Number, Text("ReportCategory_Roads"), Text("ReportStatus_Acknowledged"))}\n\n{Text("Reports_Note", "Передано до ЖЕК №3")}";
        var toReporter = Assert.Single(await bot.NewRepliesAsync("olena"));
        var toJoined = Assert.Single(await bot.NewRepliesAsync("taras"));
        Assert.Equal(expected, toReporter.Text);
        Assert.Equal(expected, toJoined.Text);
        Assert.Equal([ReportModeration.OpenCommand(report.Number)], toReporter.AllButtons().Select(button => button.Data));
    }

    [Fact]
    public async Task Steps_AcknowledgeStartWorkResolve_KeptInTheHistoryInOrder()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);
        var moderation = Moderation(bot);

        var outcomes = new[]
        {
            (await moderation.AcknowledgeAsync(report.Number, "m1", null, None)).Outcome,
            (await moderation.StartWorkAsync(report.Number, "m2", "  Бригада виїхала ", None)).Outcome,
            (await moderation.ResolveAsync(report.Number, "m1", "", None)).Outcome,
        };

        Assert.All(outcomes, outcome => Assert.Equal(ReportModerationOutcome.Done, outcome));
        var history = (await bot.Reports().GetAsync(report.Number, None))!.History;
        Assert.Equal(
            [(ReportStatus.New, null, null), (ReportStatus.Acknowledged, "m1", null), (ReportStatus.InProgress, "m2", "Бригада виїхала"), (ReportStatus.Resolved, "m1", null)],
            history.Select(change => (change.Status, change.ModeratorId, change.Note)));
        Assert.Equal(3, (await bot.NewRepliesAsync("taras")).Count);
    }

    [Theory]
    [InlineData(ReportStatus.Acknowledged, "acknowledge")]
    [InlineData(ReportStatus.InProgress, "acknowledge")]
    [InlineData(ReportStatus.InProgress, "start")]
    [InlineData(ReportStatus.Resolved, "start")]
    [InlineData(ReportStatus.Resolved, "resolve")]
    [InlineData(ReportStatus.Resolved, "reject")]
    [InlineData(ReportStatus.Rejected, "resolve")]
    [InlineData(ReportStatus.Rejected, "acknowledge")]
    public async Task Step_IllegalFromTheStatus_RefusedWithoutChangeOrNews(ReportStatus status, string step)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await bot.MoveAsync(await FiledAndJoinedAsync(bot), status, _time.GetUtcNow());
        var moderation = Moderation(bot);

        var result = step switch
        {
            "acknowledge" => await moderation.AcknowledgeAsync(report.Number, Moderator, null, None),
            "start" => await moderation.StartWorkAsync(report.Number, Moderator, null, None),
            "resolve" => await moderation.ResolveAsync(report.Number, Moderator, null, None),
            _ => await moderation.RejectAsync(report.Number, Moderator, "Дублікат", None),
        };

        Assert.Equal(ReportModerationOutcome.IllegalTransition, result.Outcome);
        Assert.Equal((status, report.Version), (result.Report!.Status, result.Report.Version));
        Assert.Equal(report.History.Count, (await bot.Reports().GetAsync(report.Number, None))!.History.Count);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
        Assert.Empty(await bot.NewRepliesAsync("taras"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Reject_WithoutAReason_RefusedAndNothingChanges(string reason)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);

        var result = await Moderation(bot).RejectAsync(report.Number, Moderator, reason, None);

        Assert.Equal(ReportModerationOutcome.TextInvalid, result.Outcome);
        Assert.Equal(ReportStatus.New, (await bot.Reports().GetAsync(report.Number, None))!.Status);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
    }

    [Fact]
    public async Task Reject_WithAReason_StoresItAndTellsIt()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);

        var result = await Moderation(bot).RejectAsync(report.Number, Moderator, "Ділянка приватна, звертайтеся до власника", None);

        Assert.Equal((ReportModerationOutcome.Done, ReportStatus.Rejected), (result.Outcome, result.Report!.Status));
        Assert.Equal("Ділянка приватна, звертайтеся до власника", (await bot.Reports().GetAsync(report.Number, None))!.RejectionReason);
        Assert.EndsWith(Text("Reports_RejectionReason", "Ділянка приватна, звертайтеся до власника"), Assert.Single(await bot.NewRepliesAsync("olena")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_Text_KeptAndToldToEveryFollowerOnce()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);

        var first = await Moderation(bot).ReplyAsync(report.Number, Moderator, "Дякуємо, передали в ремонтну службу", None);
        var second = await Moderation(bot).ReplyAsync(report.Number, Moderator, "Ремонт заплановано на четвер", None);

        Assert.Equal((ReportModerationOutcome.Done, ReportModerationOutcome.Done), (first.Outcome, second.Outcome));
        var stored = await bot.Reports().GetAsync(report.Number, None);
        Assert.Equal(["Дякуємо, передали в ремонтну службу", "Ремонт заплановано на четвер"], stored!.Replies.Select(reply => reply.Text));
        Assert.Equal(ReportStatus.New, stored.Status);
        var told = await bot.NewRepliesAsync("taras");
        Assert.Equal(
            [Text("Reports_Replied", report.Number, Text("ReportCategory_Roads"), "Дякуємо, передали в ремонтну службу"),
             Text("Reports_Replied", report.Number, Text("ReportCategory_Roads"), "Ремонт заплановано на четвер")],
            told.Select(reply => reply.Text));
        Assert.Equal(2, (await bot.NewRepliesAsync("olena")).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    public async Task Reply_Empty_Refused(string text)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);

        var result = await Moderation(bot).ReplyAsync(report.Number, Moderator, text, None);

        Assert.Equal(ReportModerationOutcome.TextInvalid, result.Outcome);
        Assert.Empty((await bot.Reports().GetAsync(report.Number, None))!.Replies);
    }

    [Fact]
    public async Task Reply_TooLong_Refused()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);

        var result = await Moderation(bot).ReplyAsync(report.Number, Moderator, new string('ж', ReportModeration.MaxTextLength + 1), None);

        Assert.Equal(ReportModerationOutcome.TextInvalid, result.Outcome);
    }

    [Fact]
    public async Task AnyStep_UnknownNumber_NotFound()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);

        var acknowledged = await Moderation(bot).AcknowledgeAsync(404, Moderator, null, None);
        var replied = await Moderation(bot).ReplyAsync(404, Moderator, "Текст", None);

        Assert.Equal((ReportModerationOutcome.NotFound, ReportModerationOutcome.NotFound), (acknowledged.Outcome, replied.Outcome));
        Assert.Null(acknowledged.Report);
    }

    [Fact]
    public async Task Resolve_ReporterAskedToRateWithButtons_JoinedResidentNot()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);

        await Moderation(bot).ResolveAsync(report.Number, Moderator, "Яму засипано", None);

        var toReporter = Assert.Single(await bot.NewRepliesAsync("olena"));
        var toJoined = Assert.Single(await bot.NewRepliesAsync("taras"));
        Assert.EndsWith(Text("Reports_AskRating"), toReporter.Text, StringComparison.Ordinal);
        Assert.Equal(
            [.. Enumerable.Range(1, 5).Select(stars => $"/myreports {report.Number} rate {stars}"), $"/myreports {report.Number}"],
            toReporter.AllButtons().Select(button => button.Data));
        Assert.DoesNotContain(Text("Reports_AskRating"), toJoined.Text, StringComparison.Ordinal);
        Assert.Equal([$"/myreports {report.Number}"], toJoined.AllButtons().Select(button => button.Data));
    }

    [Fact]
    public async Task Resolve_JoinedResidentDeletedTheirData_TellsTheReporterOnly()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var report = await FiledAndJoinedAsync(bot);
        await bot.Residents.DeleteAsync((await bot.ResidentAsync("taras"))!.Id, None);

        var result = await Moderation(bot).ResolveAsync(report.Number, Moderator, null, None);

        Assert.Equal(ReportModerationOutcome.Done, result.Outcome);
        Assert.Single(await bot.NewRepliesAsync("olena"));
        Assert.Empty(await bot.NewRepliesAsync("taras"));
    }

    private static ReportModeration Moderation(EngineHarness bot) => bot.Services<ReportModeration>();

    /// <summary>Olena's report that Taras joined, with every reply up to then read.</summary>
    private static async Task<ProblemReport> FiledAndJoinedAsync(EngineHarness bot)
    {
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        await OnboardingDialogTests.OnboardAsync(bot, "taras", "Тарас");
        var report = await bot.FileAsync("olena", Centre);
        var taras = (await bot.ResidentAsync("taras"))!.Id;
        var joined = await bot.Reports().UpdateAsync(report.Number, stored => stored.JoinedBy(taras), None);
        await bot.NewRepliesAsync("olena");
        await bot.NewRepliesAsync("taras");
        return joined!.Value.Report;
    }
}
