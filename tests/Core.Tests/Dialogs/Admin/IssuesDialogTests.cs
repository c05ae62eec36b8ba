using Hromada.Core.Dialogs.Admin.Issues;
using Hromada.Core.Moderation;
using Hromada.Core.Reports;
using Hromada.Core.Tests.Dialogs.Polls;
using Hromada.Core.Tests.Dialogs.Reports;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

public sealed class IssuesDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Issues_OpenReports_NewFirstOldestFirstThenAcknowledgedThenInProgressOfTheModeratorsCommunities()
    {
        await using var bot = await StartAsync("mykola");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        var started = await bot.MoveAsync(await bot.SeedAsync(_time.GetUtcNow().AddHours(-5), null), ReportStatus.InProgress, _time.GetUtcNow());
        var acknowledged = await bot.MoveAsync(await bot.SeedAsync(_time.GetUtcNow().AddHours(-4), null), ReportStatus.Acknowledged, _time.GetUtcNow());
        var older = await bot.SeedAsync(_time.GetUtcNow().AddHours(-3), null);
        var newer = await bot.SeedAsync(_time.GetUtcNow().AddHours(-2), null);
        await bot.MoveAsync(await bot.SeedAsync(_time.GetUtcNow(), null), ReportStatus.Resolved, _time.GetUtcNow());
        await bot.Reports().AddAsync(ProblemReport.File(older with { Id = "lviv", Number = 0, CommunityId = "lviv" }, _time.GetUtcNow()), CancellationToken.None);

        var list = Assert.Single(await bot.SayAsync("mykola", "/issues"));

        Assert.Equal(Text("Issues_List", 4), list.Text);
        Assert.Equal(
            [older.Number, newer.Number, acknowledged.Number, started.Number],
            list.AllButtons().Select(button => long.Parse(button.Data[IssuesDialog.ReportPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith($"№{older.Number} · {Text("ReportStatus_New")} · {Text("ReportCategory_Roads")}", list.AllButtons().First().Label);
    }

    [Fact]
    public async Task Issues_Acknowledged_ShowsTheReportWithItsReporterStoresTellsTheReporterAndAudits()
    {
        await using var bot = await StartAsync("mykola", "taras");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        var report = await bot.Reports().AddAsync(
            ProblemReport.File(
                new ProblemReport
                {
                    Id = "pothole",
                    CommunityId = "kamianske",
                    Category = ReportCategory.Roads,
                    Description = ReportFixtures.Description,
                    Address = ReportFixtures.Address,
                    PhotoIds = ["photo-1", "photo-2"],
                    AnonymousToPublic = true,
                    ReporterId = await bot.IdOfAsync("taras"),
                },
                _time.GetUtcNow()),
            CancellationToken.None);
        await bot.SayAsync("mykola", "/issues");

        var details = Assert.Single(await bot.PressAsync("mykola", $"{IssuesDialog.ReportPrefix}{report.Number}"));
        var done = Assert.Single(await bot.PressAsync("mykola", IssuesDialog.ActionPrefix + ReportAction.Acknowledge));

        Assert.Equal(
            Text("Issues_Details", report.Number, Text("ReportCategory_Roads"), Text("ReportStatus_New"), "Кам'янське", ReportFixtures.Description,
                ReportFixtures.Address, 2, "Тарас", Text("Issues_AnonymousYes"), "23.11.2026 11:00"),
            details.Text);
        Assert.Equal(
            ["act:Acknowledge", "act:StartWork", "act:Resolve", "act:Reject", "act:Reply"],
            details.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Issues_Moved", report.Number, Text("ReportStatus_Acknowledged")), done.Text);
        Assert.Equal(["/issues", "/menu"], done.AllButtons().Select(button => button.Data));
        Assert.Equal(ReportStatus.Acknowledged, (await bot.Reports().GetAsync(report.Number, CancellationToken.None))!.Status);
        Assert.StartsWith(
            Text("Reports_StatusChanged", report.Number, Text("ReportCategory_Roads"), Text("ReportStatus_Acknowledged")),
            Assert.Single(await bot.NewRepliesAsync("taras")).Text);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.ReportAcknowledged, $"report:{report.Number}", "kamianske"), (audited.Action, audited.Target, audited.CommunityId));
        Assert.Equal("{\"status\":\"new\"}", audited.Before);
        Assert.Equal("{\"status\":\"acknowledged\"}", audited.After);
    }

    [Fact]
    public async Task Issues_RejectedWithATypedReason_RepromptsATooShortOneThenRejectsTellsAndAudits()
    {
        await using var bot = await StartAsync(SuperAdmin, "taras");
        var report = await bot.SeedAsync(_time.GetUtcNow(), null, reporterId: await bot.IdOfAsync("taras"));
        await bot.SayAsync(SuperAdmin, "/issues");
        await bot.PressAsync(SuperAdmin, $"{IssuesDialog.ReportPrefix}{report.Number}");

        var askReason = Assert.Single(await bot.PressAsync(SuperAdmin, IssuesDialog.ActionPrefix + ReportAction.Reject));
        var tooShort = Assert.Single(await bot.SayAsync(SuperAdmin, "ні"));
        var done = Assert.Single(await bot.SayAsync(SuperAdmin, "Це приватна територія."));

        Assert.Equal(Text("Issues_AskReason"), askReason.Text);
        Assert.Equal($"{Text("Problem_ReasonLength")}\n\n{Text("Issues_AskReason")}", tooShort.Text);
        Assert.Equal(Text("Issues_Moved", report.Number, Text("ReportStatus_Rejected")), done.Text);
        var rejected = await bot.Reports().GetAsync(report.Number, CancellationToken.None);
        Assert.Equal((ReportStatus.Rejected, "Це приватна територія."), (rejected!.Status, rejected.RejectionReason));
        Assert.Contains(Text("Reports_RejectionReason", "Це приватна територія."), Assert.Single(await bot.NewRepliesAsync("taras")).Text);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal(AuditActions.ReportRejected, audited.Action);
        Assert.Contains("Це приватна територія.", audited.After);
    }

    [Fact]
    public async Task Issues_Reply_RepromptsATooLongAnswerThenSendsItToTheReporterAndAudits()
    {
        await using var bot = await StartAsync(SuperAdmin, "taras");
        var report = await bot.MoveAsync(
            await bot.SeedAsync(_time.GetUtcNow(), null, reporterId: await bot.IdOfAsync("taras")), ReportStatus.InProgress, _time.GetUtcNow());
        await bot.SayAsync(SuperAdmin, "/issues");
        var details = Assert.Single(await bot.PressAsync(SuperAdmin, $"{IssuesDialog.ReportPrefix}{report.Number}"));
        await bot.PressAsync(SuperAdmin, IssuesDialog.ActionPrefix + ReportAction.Reply);

        var tooLong = Assert.Single(await bot.SayAsync(SuperAdmin, new string('а', ReportModeration.MaxTextLength + 1)));
        var done = Assert.Single(await bot.SayAsync(SuperAdmin, "Бригада буде у четвер."));

        Assert.Equal(["act:Resolve", "act:Reject", "act:Reply"], details.AllButtons().Select(button => button.Data));
        Assert.Equal($"{Text("Problem_ReplyLength")}\n\n{Text("Issues_AskReply")}", tooLong.Text);
        Assert.Equal(Text("Issues_Replied", report.Number), done.Text);
        Assert.Equal("Бригада буде у четвер.", Assert.Single((await bot.Reports().GetAsync(report.Number, CancellationToken.None))!.Replies).Text);
        Assert.Equal(
            Text("Reports_Replied", report.Number, Text("ReportCategory_Roads"), "Бригада буде у четвер."),
            Assert.Single(await bot.NewRepliesAsync("taras")).Text);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.ReportReplied, "{\"status\":\"inProgress\"}"), (audited.Action, audited.Before));
    }

    [Fact]
    public async Task Issues_UnexpectedInputAtTheAction_RepromptsAndStays()
    {
        await using var bot = await StartAsync(SuperAdmin);
        var report = await bot.SeedAsync(_time.GetUtcNow(), null);
        await bot.SayAsync(SuperAdmin, "/issues");
        await bot.PressAsync(SuperAdmin, $"{IssuesDialog.ReportPrefix}{report.Number}");

        var typed = Assert.Single(await bot.SayAsync(SuperAdmin, "вирішено"));

        Assert.StartsWith(Text("Problem_UnexpectedInput"), typed.Text);
        Assert.Equal(nameof(IssuesState.AwaitingAction), (await bot.SessionAsync(SuperAdmin))!.State);
        Assert.Empty(await bot.AuditAsync());
    }

    [Fact]
    public async Task Cancel_AtTheReason_LeavesTheReportNewAndTellsNobody()
    {
        await using var bot = await StartAsync(SuperAdmin, "taras");
        var report = await bot.SeedAsync(_time.GetUtcNow(), null, reporterId: await bot.IdOfAsync("taras"));
        await bot.SayAsync(SuperAdmin, "/issues");
        await bot.PressAsync(SuperAdmin, $"{IssuesDialog.ReportPrefix}{report.Number}");
        await bot.PressAsync(SuperAdmin, IssuesDialog.ActionPrefix + ReportAction.Reject);

        await bot.SayAsync(SuperAdmin, "/cancel");

        Assert.Equal(ReportStatus.New, (await bot.Reports().GetAsync(report.Number, CancellationToken.None))!.Status);
        Assert.Null((await bot.SessionAsync(SuperAdmin))!.Dialog);
        Assert.Empty(await bot.NewRepliesAsync("taras"));
        Assert.Empty(await bot.AuditAsync());
    }

    [Fact]
    public async Task Issues_EmptyQueue_SaysSoAndEnds()
    {
        await using var bot = await StartAsync(SuperAdmin);

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "/issues"));

        Assert.Equal(Text("Issues_Empty"), reply.Text);
        Assert.Null((await bot.SessionAsync(SuperAdmin))!.Dialog);
    }

    [Fact]
    public async Task Issues_NotAModerator_RefusedAndAudited()
    {
        await using var bot = await StartAsync("taras");

        var reply = Assert.Single(await bot.SayAsync("taras", "/issues"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        var refused = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, "command:/issues"), (refused.Action, refused.Target));
    }

    [Fact]
    public async Task Issues_ModeratorOfAnotherCommunityPressesAReport_RefusedUnchangedAndAudited()
    {
        await using var bot = await StartAsync("mykola");
        await bot.GrantAsync("mykola", Role.Moderator, "lviv");
        var report = await bot.SeedAsync(_time.GetUtcNow(), null);
        var lviv = await bot.Reports().AddAsync(ProblemReport.File(report with { Id = "lviv", Number = 0, CommunityId = "lviv" }, _time.GetUtcNow()), CancellationToken.None);

        var list = Assert.Single(await bot.SayAsync("mykola", "/issues"));
        var crafted = Assert.Single(await bot.PressAsync("mykola", $"{IssuesDialog.ReportPrefix}{report.Number}"));

        Assert.Equal([$"{IssuesDialog.ReportPrefix}{lviv.Number}"], list.AllButtons().Select(button => button.Data));
        Assert.StartsWith(Text("Problem_IssueUnavailable"), crafted.Text);
        Assert.Equal(ReportStatus.New, (await bot.Reports().GetAsync(report.Number, CancellationToken.None))!.Status);
        var refused = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, $"command:{ReportDecisions.ModerateAttempt}", "kamianske"), (refused.Action, refused.Target, refused.CommunityId));
    }

    /// <summary>The button of an escalation: "/issues &lt;number&gt;" opens the report without the queue.</summary>
    [Fact]
    public async Task Issues_WithTheNumberOfAnOpenReport_OpensItAtOnce()
    {
        await using var bot = await StartAsync("mykola");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await bot.SeedAsync(_time.GetUtcNow(), null);
        var report = await bot.SeedAsync(_time.GetUtcNow(), null);

        var pressed = Assert.Single(await bot.PressAsync("mykola", $"{IssuesDialog.Command} {report.Number}"));
        var done = Assert.Single(await bot.PressAsync("mykola", IssuesDialog.ActionPrefix + ReportAction.Acknowledge));

        Assert.StartsWith($"№{report.Number} · {Text("ReportCategory_Roads")}", pressed.Text, StringComparison.Ordinal);
        Assert.Equal(Text("Issues_Moved", report.Number, Text("ReportStatus_Acknowledged")), done.Text);
    }

    [Fact]
    public async Task Issues_WithTheNumberOfAReportOutOfReach_SaysItIsUnavailableAndListsTheQueue()
    {
        await using var bot = await StartAsync("mykola");
        await bot.GrantAsync("mykola", Role.Moderator, "lviv");
        var kamianske = await bot.SeedAsync(_time.GetUtcNow(), null);
        var lviv = await bot.Reports().AddAsync(
            ProblemReport.File(kamianske with { Id = "lviv", Number = 0, CommunityId = "lviv" }, _time.GetUtcNow()), CancellationToken.None);

        var typed = Assert.Single(await bot.SayAsync("mykola", $"/issues {kamianske.Number}"));

        Assert.StartsWith($"{Text("Problem_IssueUnavailable")}\n\n{Text("Issues_List", 1)}", typed.Text, StringComparison.Ordinal);
        Assert.Equal([$"{IssuesDialog.ReportPrefix}{lviv.Number}"], typed.AllButtons().Select(button => button.Data));
    }

    private async Task<EngineHarness> StartAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, user == "taras" ? "Тарас" : "Олена");
            await bot.NewRepliesAsync(user);
        }

        return bot;
    }
}
