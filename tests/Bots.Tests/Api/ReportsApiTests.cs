using System.Net;
using System.Text.Json;
using Hromada.Core.ApiKeys;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Reports;
using Hromada.Core.Residents;

namespace Hromada.Bots.Tests.Api;

/// <summary>/api/v1/reports end to end: the steps and answers of /issues, told the same way, audited under the key, never naming a resident.</summary>
public sealed class ReportsApiTests : IAsyncLifetime
{
    private const string ChatId = "5550001";
    private const string Phone = "+380501234567";

    private readonly ApiHost _host = ApiHost.Start();
    private string _key = "";
    private Resident _reporter = null!;

    public async ValueTask InitializeAsync()
    {
        _key = await _host.KeyAsync("kamianske");
        _reporter = await _host.PrivateResidentAsync(ChatId, Phone);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string Path(ProblemReport report, string rest = "") => $"/api/v1/reports/{report.Number}{rest}";

    [Fact]
    public async Task SetReportStatus_AcknowledgeWithANote_StoresTellsTheReporterAndTheJoinedAsIssuesDoesAndAuditsTheKey()
    {
        var report = await _host.ReportAsync(_reporter);
        var joined = await _host.ResidentAsync("taras", language: Language.En);
        await _host.Get<IReportStore>().UpdateAsync(report.Number, stored => stored.JoinedBy(joined.Id), ApiHost.Cancellation);

        using var response = await _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = "acknowledged", note = "Передано до ЖЕК №3" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("acknowledged", body.GetProperty("status").GetString());
        Assert.Equal(["inProgress", "resolved", "rejected"], body.GetProperty("nextStatuses").EnumerateArray().Select(status => status.GetString()));
        var stored = await _host.Get<IReportStore>().GetAsync(report.Number, ApiHost.Cancellation);
        Assert.Equal(new ReportChange(ApiHost.StartTime, ReportStatus.Acknowledged, ModerationApiFixtures.ActorOf(_key), "Передано до ЖЕК №3"), stored!.History[^1]);
        Assert.Equal(StatusNotice(Language.Uk, report, ReportStatus.Acknowledged, "Reports_Note", "Передано до ЖЕК №3"), Assert.Single(await _host.MessagesToAsync(_reporter)).Reply.Text);
        Assert.Equal(StatusNotice(Language.En, report, ReportStatus.Acknowledged, "Reports_Note", "Передано до ЖЕК №3"), Assert.Single(await _host.MessagesToAsync(joined)).Reply.Text);
        var audited = Assert.Single(await _host.AuditAsync());
        Assert.Equal(
            (ModerationApiFixtures.ActorOf(_key), AuditActions.ReportAcknowledged, $"report:{report.Number}", "kamianske"),
            (audited.Actor.Id, audited.Action, audited.Target, audited.CommunityId));
    }

    [Fact]
    public async Task SetReportStatus_Resolve_AsksTheReporterToRate()
    {
        var report = await _host.ReportAsync(_reporter);

        using var response = await _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = "resolved" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notice = Assert.Single(await _host.MessagesToAsync(_reporter));
        Assert.Equal(
            Texts.Get(Language.Uk, "Reports_StatusChanged", report.Number, ReportNames.Category(Language.Uk, ReportCategory.Roads), ReportNames.Status(Language.Uk, ReportStatus.Resolved))
                + "\n\n" + Texts.Get(Language.Uk, "Reports_AskRating"),
            notice.Reply.Text);
        Assert.Equal(ReportModeration.RatingButtons(report.Number), notice.Reply.Buttons[0]);
        Assert.Equal(AuditActions.ReportResolved, Assert.Single(await _host.AuditAsync()).Action);
    }

    [Fact]
    public async Task SetReportStatus_RejectWithAReason_StoresTheReasonAndTellsItToTheReporter()
    {
        var report = await _host.ReportAsync(_reporter);

        using var response = await _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = "rejected", reason = "Це приватна територія." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Це приватна територія.", (await response.JsonAsync()).GetProperty("rejectionReason").GetString());
        Assert.Equal(
            StatusNotice(Language.Uk, report, ReportStatus.Rejected, "Reports_RejectionReason", "Це приватна територія."),
            Assert.Single(await _host.MessagesToAsync(_reporter)).Reply.Text);
        var audited = Assert.Single(await _host.AuditAsync());
        Assert.Equal(AuditActions.ReportRejected, audited.Action);
        Assert.Contains("Це приватна територія.", audited.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportStatus.Rejected, "resolved", "is rejected, which is final.")]
    [InlineData(ReportStatus.InProgress, "acknowledged", "is inProgress; it can move on to resolved or rejected only.")]
    [InlineData(ReportStatus.Acknowledged, "acknowledged", "is acknowledged; it can move on to inProgress, resolved or rejected only.")]
    public async Task SetReportStatus_StepTheStatusDoesNotAllow_Answers409SayingWhereItStands(ReportStatus current, string requested, string detail)
    {
        var report = await _host.MoveAsync(await _host.ReportAsync(_reporter), current);

        using var response = await _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = requested });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Report {report.Number} {detail}", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(current, (await _host.Get<IReportStore>().GetAsync(report.Number, ApiHost.Cancellation))!.Status);
        Assert.Empty(await _host.MessagesToAsync(_reporter));
        Assert.Empty(await _host.AuditAsync());
    }

    [Fact]
    public async Task SetReportStatus_TwoKeysResolveAndRejectAtOnce_OneWinsTheOtherGets409()
    {
        var report = await _host.ReportAsync(_reporter);
        var other = await _host.KeyAsync(ApiKey.AllCommunities);

        var responses = await Task.WhenAll(
            _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = "resolved" }),
            _host.SendAsync(HttpMethod.Post, Path(report, "/status"), other, new { status = "rejected", reason = "Дублікат звернення №1." }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(response => response.StatusCode).Order());
        Assert.Single(await _host.MessagesToAsync(_reporter));
        Assert.Single(await _host.AuditAsync());
        Array.ForEach(responses, response => response.Dispose());
    }

    [Fact]
    public async Task SetReportStatus_InvalidRequests_Answers400NamingTheFields()
    {
        var report = await _host.ReportAsync(_reporter);

        using var noReason = await _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = "rejected", note = "Не наша зона" });
        using var unknown = await _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = "fixed", reason = "Готово, дякуємо" });
        using var longNote = await _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = "inProgress", note = new string('я', 2001) });

        Assert.All([noReason, unknown, longNote], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Equal(["note", "reason"], await noReason.ErrorFieldsAsync());
        var unknownProblem = await unknown.JsonAsync();
        Assert.Equal(["reason", "status"], unknownProblem.ErrorFields());
        Assert.Equal(
            "The status must be acknowledged, inProgress, resolved or rejected.",
            unknownProblem.GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.Equal(["note"], await longNote.ErrorFieldsAsync());
        Assert.Equal(ReportStatus.New, (await _host.Get<IReportStore>().GetAsync(report.Number, ApiHost.Cancellation))!.Status);
    }

    [Fact]
    public async Task ReplyToReport_Text_TellsTheReporterAndIsListedWithTheReport()
    {
        var report = await _host.ReportAsync(_reporter);

        using var response = await _host.SendAsync(HttpMethod.Post, Path(report, "/replies"), _key, new { text = " Бригада приїде в четвер. " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single((await response.JsonAsync()).GetProperty("replies").EnumerateArray());
        Assert.Equal(("Бригада приїде в четвер.", ApiHost.StartTime), (reply.GetProperty("text").GetString(), reply.GetProperty("at").GetDateTimeOffset()));
        Assert.Equal(
            Texts.Get(Language.Uk, "Reports_Replied", report.Number, ReportNames.Category(Language.Uk, ReportCategory.Roads), "Бригада приїде в четвер."),
            Assert.Single(await _host.MessagesToAsync(_reporter)).Reply.Text);
        var audited = Assert.Single(await _host.AuditAsync());
        Assert.Equal((ModerationApiFixtures.ActorOf(_key), AuditActions.ReportReplied), (audited.Actor.Id, audited.Action));
    }

    [Fact]
    public async Task ReplyToReport_EmptyOrTooLong_Answers400NamingText()
    {
        var report = await _host.ReportAsync(_reporter);

        using var blank = await _host.SendAsync(HttpMethod.Post, Path(report, "/replies"), _key, new { text = "   " });
        using var tooLong = await _host.SendAsync(HttpMethod.Post, Path(report, "/replies"), _key, new { text = new string('я', 2001) });
        using var missing = await _host.SendAsync(HttpMethod.Post, Path(report, "/replies"), _key, new { });

        Assert.All([blank, tooLong, missing], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Equal(["text"], await blank.ErrorFieldsAsync());
        Assert.Equal(
            Texts.Get(Language.En, "Problem_ReplyLength"),
            (await tooLong.JsonAsync()).GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Equal(["text"], await missing.ErrorFieldsAsync());
        Assert.Empty(await _host.MessagesToAsync(_reporter));
    }

    [Fact]
    public async Task GetReport_Anonymous_NeverNamesTheReporter()
    {
        var report = await _host.ReportAsync(_reporter, anonymous: true);

        using var one = await _host.GetAsync(Path(report), _key);
        using var list = await _host.GetAsync("/api/v1/reports", _key);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var body = await one.JsonAsync();
        Assert.True(body.GetProperty("anonymous").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reporterId").ValueKind);
        foreach (var text in new[] { await one.Content.ReadAsStringAsync(ApiHost.Cancellation), await list.Content.ReadAsStringAsync(ApiHost.Cancellation) })
        {
            Assert.DoesNotContain(_reporter.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ChatId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Коваль", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetReport_Named_GivesTheReporterAsTheirIdOnlyWithHistoryAndReplies()
    {
        var report = await _host.ReportAsync(_reporter);
        (await _host.SendAsync(HttpMethod.Post, Path(report, "/status"), _key, new { status = "inProgress", note = "Бригада виїхала" })).Dispose();
        (await _host.SendAsync(HttpMethod.Post, Path(report, "/replies"), _key, new { text = "Дякуємо за звернення!" })).Dispose();

        using var response = await _host.GetAsync(Path(report), _key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(_reporter.Id, body.GetProperty("reporterId").GetString());
        Assert.Equal(
            [("new", null), ("inProgress", "Бригада виїхала")],
            body.GetProperty("history").EnumerateArray().Select(step => (step.GetProperty("status").GetString(), step.GetProperty("note").GetString())));
        Assert.Equal("Дякуємо за звернення!", Assert.Single(body.GetProperty("replies").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(
            (ModerationApiFixtures.ReportDescription, "roads", "вул. Широка, 12", 1, 48.5167),
            (body.GetProperty("description").GetString(), body.GetProperty("category").GetString(), body.GetProperty("address").GetString(),
                body.GetProperty("photos").GetInt32(), body.GetProperty("location").GetProperty("latitude").GetDouble()));
        var text = await response.Content.ReadAsStringAsync(ApiHost.Cancellation);
        Assert.DoesNotContain(ChatId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ModerationApiFixtures.ActorOf(_key), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListReports_Filters_ByStatusCategoryTimeAndPage()
    {
        var old = await _host.ReportAsync(_reporter, age: TimeSpan.FromDays(10));
        var lighting = await _host.ReportAsync(_reporter, category: ReportCategory.Lighting, age: TimeSpan.FromDays(3));
        var acknowledged = await _host.MoveAsync(await _host.ReportAsync(_reporter, age: TimeSpan.FromDays(2)), ReportStatus.Acknowledged);
        var newest = await _host.ReportAsync(_reporter, age: TimeSpan.FromDays(1));
        await _host.ReportAsync(_reporter, communityId: "lviv");
        var since = Uri.EscapeDataString(ApiHost.StartTime.AddDays(-5).ToString("O"));
        var until = Uri.EscapeDataString(ApiHost.StartTime.AddHours(-12).ToString("O"));

        using var page = await _host.GetAsync("/api/v1/reports?limit=2&offset=1", _key);
        using var roadsNew = await _host.GetAsync("/api/v1/reports?status=new&category=roads", _key);
        using var window = await _host.GetAsync($"/api/v1/reports?since={since}&until={until}", _key);
        using var everywhere = await _host.GetAsync("/api/v1/reports?community=lviv", await _host.KeyAsync(ApiKey.AllCommunities));

        Assert.Equal([$"{acknowledged.Number}", $"{lighting.Number}"], (await page.JsonAsync()).Ids("number"));
        Assert.Equal([$"{newest.Number}", $"{old.Number}"], (await roadsNew.JsonAsync()).Ids("number"));
        Assert.Equal([$"{newest.Number}", $"{acknowledged.Number}", $"{lighting.Number}"], (await window.JsonAsync()).Ids("number"));
        Assert.Single((await everywhere.JsonAsync()).Ids("number"));
    }

    [Fact]
    public async Task ListReports_BadFilters_Answers400NamingThem()
    {
        var since = Uri.EscapeDataString(ApiHost.StartTime.ToString("O"));
        var until = Uri.EscapeDataString(ApiHost.StartTime.AddDays(-1).ToString("O"));

        using var response = await _host.GetAsync($"/api/v1/reports?status=open&category=potholes&since={since}&until={until}&limit=0", _key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["category", "limit", "status", "until"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Reports_KeyOfAnotherCommunity_Answers403AndTheAttemptsAreAudited()
    {
        var lviv = await _host.ReportAsync(_reporter, communityId: "lviv");

        using var get = await _host.GetAsync(Path(lviv), _key);
        using var move = await _host.SendAsync(HttpMethod.Post, Path(lviv, "/status"), _key, new { status = "acknowledged" });
        using var reply = await _host.SendAsync(HttpMethod.Post, Path(lviv, "/replies"), _key, new { text = "Привіт" });
        using var list = await _host.GetAsync("/api/v1/reports?community=lviv", _key);

        Assert.All([get, move, reply, list], response =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
        var stored = await _host.Get<IReportStore>().GetAsync(lviv.Number, ApiHost.Cancellation);
        Assert.Equal((ReportStatus.New, 0), (stored!.Status, stored.Replies.Count));
        Assert.Empty(await _host.MessagesToAsync(_reporter));
        Assert.Equal([AuditActions.Refused, AuditActions.Refused, AuditActions.Refused], (await _host.AuditAsync()).Select(entry => entry.Action));
    }

    [Theory]
    [InlineData("GET", "/api/v1/reports/999")]
    [InlineData("POST", "/api/v1/reports/999/status")]
    [InlineData("POST", "/api/v1/reports/999/replies")]
    [InlineData("GET", "/api/v1/reports/not-a-number")]
    public async Task Report_Unknown_Answers404Problem(string method, string path)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), path, _key, new { status = "acknowledged", text = "Привіт" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/v1/reports")]
    [InlineData("GET", "/api/v1/reports/1")]
    [InlineData("POST", "/api/v1/reports/1/status")]
    [InlineData("POST", "/api/v1/reports/1/replies")]
    public async Task Reports_NoKey_Answers401(string method, string path)
    {
        await _host.ReportAsync(_reporter);

        using var response = await _host.SendAsync(new HttpMethod(method), path, key: null, new { status = "acknowledged", text = "Привіт" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ReportStatus.New, (await _host.Get<IReportStore>().GetAsync(1, ApiHost.Cancellation))!.Status);
    }

    private static string StatusNotice(Language language, ProblemReport report, ReportStatus status, string noteKey, string note) =>
        Texts.Get(language, "Reports_StatusChanged", report.Number, ReportNames.Category(language, report.Category), ReportNames.Status(language, status))
            + "\n\n" + Texts.Get(language, noteKey, note);
}
