using System.Text.Json;
using Hromada.Core.Conversations;
using Hromada.Core.Reports;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.Dialogs.Reports.ReportFixtures;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Reports;

public sealed class MyReportsDialogTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task MyReports_NoneYet_SaysSoAndOffersToReport()
    {
        await using var bot = await RegisteredAsync("olena");

        var reply = Assert.Single(await bot.SayAsync("olena", "/myreports"));

        Assert.Equal(Text("Reports_NoneYet"), reply.Text);
        Assert.Equal(["/report", "/menu"], reply.AllButtons().Select(button => button.Data));
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task MyReports_FiledAndJoined_ListsBothNewestFirstWithTheirStatuses()
    {
        await using var bot = await RegisteredAsync("olena");
        var filed = await bot.FileAsync("olena", Centre);
        _time.Advance(TimeSpan.FromHours(3));
        var other = await bot.SeedAsync(_time.GetUtcNow().AddHours(2), Offset(900), ReportCategory.Waste);
        var olena = (await bot.ResidentAsync("olena"))!.Id;
        await bot.Reports().UpdateAsync(other.Number, report => report.JoinedBy(olena), None);
        await bot.MoveAsync(other, ReportStatus.InProgress, _time.GetUtcNow());
        await bot.SeedAsync(_time.GetUtcNow(), Offset(-900));

        var reply = Assert.Single(await bot.SayAsync("olena", "/myreports"));

        Assert.Equal(Text("Reports_List"), reply.Text);
        Assert.Equal(
            [
                (Text("Reports_ListItem", other.Number, Text("ReportCategory_Waste"), Text("ReportStatus_InProgress")), $"/myreports {other.Number}"),
                (Text("Reports_ListItem", filed.Number, Text("ReportCategory_Roads"), Text("ReportStatus_New")), $"/myreports {filed.Number}"),
            ],
            reply.AllButtons().Select(button => (button.Label, button.Data)));
    }

    [Fact]
    public async Task MyReports_OpenOne_ShowsItsHistoryNotesAndReplies()
    {
        await using var bot = await RegisteredAsync("olena");
        var filed = await bot.FileAsync("olena", Centre);
        _time.Advance(TimeSpan.FromHours(1));
        await bot.Services<ReportModeration>().AcknowledgeAsync(filed.Number, Moderator, "Передано до ЖЕК №3", None);
        _time.Advance(TimeSpan.FromHours(1));
        await bot.Services<ReportModeration>().ReplyAsync(filed.Number, Moderator, "Ремонт заплановано на четвер", None);
        await bot.NewRepliesAsync("olena");

        var reply = Assert.Single(await bot.PressAsync("olena", $"/myreports {filed.Number}"));

        var lines = reply.Text.Split('\n');
        Assert.StartsWith(
            Text("Reports_Details", filed.Number, Text("ReportCategory_Roads"), Text("ReportStatus_Acknowledged"), "23.11.2026 11:00", ReportNames.Point(Centre), Description),
            reply.Text,
            StringComparison.Ordinal);
        Assert.Contains("23.11.2026 11:00 — " + Text("ReportStatus_New"), lines);
        Assert.Contains("23.11.2026 12:00 — " + Text("ReportStatus_Acknowledged") + ": Передано до ЖЕК №3", lines);
        Assert.Contains("23.11.2026 13:00 — Ремонт заплановано на четвер", lines);
        Assert.Equal(["/myreports", "/menu"], reply.AllButtons().Select(button => button.Data));
    }

    [Theory]
    [InlineData("/myreports {0}")]
    [InlineData("/myreports {0} rate 5")]
    public async Task MyReports_SomebodyElsesReport_RefusedWithTheResidentsOwnList(string command)
    {
        await using var bot = await RegisteredAsync("olena");
        var other = await bot.MoveAsync(await bot.SeedAsync(_time.GetUtcNow(), Centre), ReportStatus.Resolved, _time.GetUtcNow());

        var reply = Assert.Single(await bot.SayAsync("olena", string.Format(System.Globalization.CultureInfo.InvariantCulture, command, other.Number)));

        Assert.Equal($"{Text("Problem_ReportUnavailable")}\n\n{Text("Reports_NoneYet")}", reply.Text);
        Assert.Null((await bot.Reports().GetAsync(other.Number, None))!.Rating);
    }

    [Theory]
    [InlineData("/myreports abc")]
    [InlineData("/myreports 1 rate 6")]
    [InlineData("/myreports 1 rate 0")]
    [InlineData("/myreports 1 stars 5")]
    public async Task MyReports_ArgumentNotUnderstood_RefusedWithTheList(string command)
    {
        await using var bot = await RegisteredAsync("olena");
        await ResolvedAsync(bot);

        var reply = Assert.Single(await bot.SayAsync("olena", command));

        Assert.Equal($"{Text("Problem_ReportUnavailable")}\n\n{Text("Reports_List")}", reply.Text);
        Assert.Null((await bot.Reports().GetAsync(1, None))!.Rating);
    }

    [Fact]
    public async Task MyReports_ResolvedUnratedOpenedByTheReporter_OffersTheRating()
    {
        await using var bot = await RegisteredAsync("olena");
        var (report, _) = await ResolvedAsync(bot);

        var reply = Assert.Single(await bot.SayAsync("olena", $"/myreports {report.Number}"));

        Assert.Contains(Text("Reports_AskRating"), reply.Text, StringComparison.Ordinal);
        Assert.Equal(
            Enumerable.Range(1, 5).Select(stars => ReportModeration.RateCommand(report.Number, stars)),
            reply.Buttons[0].Select(button => button.Data));
    }

    [Fact]
    public async Task RatingButton_FromTheResolvedNotificationOutsideAnyDialog_StoresTheRating()
    {
        await using var bot = await RegisteredAsync("olena");
        var (report, notification) = await ResolvedAsync(bot);
        var fourStars = notification.AllButtons().Single(button => button.Label == "⭐⭐⭐⭐");

        var reply = Assert.Single(await bot.PressAsync("olena", fourStars.Data));

        Assert.Equal(Text("Reports_Rated", report.Number, "⭐⭐⭐⭐"), reply.Text);
        var stored = await bot.Reports().GetAsync(report.Number, None);
        Assert.Equal((4, _time.GetUtcNow()), (stored!.Rating, stored.RatedAt));
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task RatingButton_PressedInTheMiddleOfAnotherDialog_RatesAndLeavesIt()
    {
        await using var bot = await RegisteredAsync("olena");
        var (report, _) = await ResolvedAsync(bot);
        await bot.ReachLocationAsync("olena");

        var reply = Assert.Single(await bot.PressAsync("olena", ReportModeration.RateCommand(report.Number, 2)));

        Assert.Equal(Text("Reports_Rated", report.Number, "⭐⭐"), reply.Text);
        Assert.Equal(2, (await bot.Reports().GetAsync(report.Number, None))!.Rating);
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task Rate_Again_SaysItIsRatedAndKeepsTheFirstRating()
    {
        await using var bot = await RegisteredAsync("olena");
        var (report, _) = await ResolvedAsync(bot);
        await bot.PressAsync("olena", ReportModeration.RateCommand(report.Number, 5));

        var again = Assert.Single(await bot.PressAsync("olena", ReportModeration.RateCommand(report.Number, 1)));

        Assert.Equal(Text("Problem_ReportAlreadyRated", "⭐⭐⭐⭐⭐"), again.Text);
        Assert.Equal(5, (await bot.Reports().GetAsync(report.Number, None))!.Rating);
    }

    [Fact]
    public async Task Rate_BeforeResolved_RefusedAndNothingStored()
    {
        await using var bot = await RegisteredAsync("olena");
        var report = await bot.FileAsync("olena", Centre);
        await bot.MoveAsync(report, ReportStatus.InProgress, _time.GetUtcNow());

        var reply = Assert.Single(await bot.PressAsync("olena", ReportModeration.RateCommand(report.Number, 5)));

        Assert.Equal(Text("Problem_ReportNotRatable"), reply.Text);
        Assert.Null((await bot.Reports().GetAsync(report.Number, None))!.Rating);
    }

    [Fact]
    public async Task Rate_ByAResidentWhoJoined_RefusedAndNothingStored()
    {
        await using var bot = await RegisteredAsync("olena");
        await OnboardingDialogTests.OnboardAsync(bot, "taras", "Тарас");
        var (report, _) = await ResolvedAsync(bot);
        var taras = (await bot.ResidentAsync("taras"))!.Id;
        await bot.Reports().UpdateAsync(report.Number, stored => stored.JoinedBy(taras), None);

        var details = Assert.Single(await bot.SayAsync("taras", $"/myreports {report.Number}"));
        var reply = Assert.Single(await bot.PressAsync("taras", ReportModeration.RateCommand(report.Number, 5)));

        Assert.DoesNotContain(Text("Reports_AskRating"), details.Text, StringComparison.Ordinal);
        Assert.Equal(Text("Problem_ReportNotRatable"), reply.Text);
        Assert.Null((await bot.Reports().GetAsync(report.Number, None))!.Rating);
    }

    [Fact]
    public async Task MyData_FiledAndJoinedReports_ExportsTheFiledWholeAndTheJoinedByNumber()
    {
        await using var bot = await RegisteredAsync("olena");
        var filed = await bot.FileAsync("olena", Centre);
        await bot.Services<ReportModeration>().AcknowledgeAsync(filed.Number, Moderator, "Прийнято", None);
        await bot.NewRepliesAsync("olena");
        var other = await bot.SeedAsync(_time.GetUtcNow(), Offset(900), ReportCategory.Waste);
        var olena = (await bot.ResidentAsync("olena"))!.Id;
        await bot.Reports().UpdateAsync(other.Number, report => report.JoinedBy(olena), None);

        var reply = Assert.Single(await bot.SayAsync("olena", "/mydata"));

        using var json = JsonDocument.Parse(reply.Document!.Content);
        var reports = json.RootElement.GetProperty("reports");
        var own = Assert.Single(reports.GetProperty("filed").EnumerateArray());
        Assert.Equal((filed.Number, Description, "Roads"), (own.GetProperty("number").GetInt64(), own.GetProperty("description").GetString(), own.GetProperty("category").GetString()));
        Assert.Equal(["New", "Acknowledged"], own.GetProperty("history").EnumerateArray().Select(change => change.GetProperty("status").GetString()));
        Assert.DoesNotContain(Moderator, reports.GetRawText(), StringComparison.Ordinal);
        var joined = Assert.Single(reports.GetProperty("joined").EnumerateArray());
        Assert.Equal((other.Number, "Waste"), (joined.GetProperty("number").GetInt64(), joined.GetProperty("category").GetString()));
        Assert.False(joined.TryGetProperty("description", out _));
    }

    private async Task<EngineHarness> RegisteredAsync(string user)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, user, "Олена");
        return bot;
    }

    /// <summary>Olena's report, resolved by a moderator, and the notification that told her; every reply is read.</summary>
    private static async Task<(ProblemReport Report, OutboundReply Notification)> ResolvedAsync(EngineHarness bot)
    {
        var report = await bot.FileAsync("olena", Centre);
        await bot.NewRepliesAsync("olena");
        var resolved = await bot.Services<ReportModeration>().ResolveAsync(report.Number, Moderator, "Яму засипано", None);
        return (resolved.Report!, Assert.Single(await bot.NewRepliesAsync("olena")));
    }
}
