using System.Net;
using Hromada.Bots.Tests.Api;
using Hromada.Core.Localization;
using Hromada.Core.Reports;
using Hromada.Core.Residents;

namespace Hromada.Bots.Tests.Open311;

/// <summary>GET /open311/v2/requests.json and requests/{id}.json: the reports as GeoReport v2 service requests, public, filtered as the spec has it.</summary>
public sealed class Open311RequestsTests : IAsyncDisposable
{
    /// <summary>Every field GeoReport v2 defines for a service request, in its order.</summary>
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    private readonly ApiHost _host = ApiHost.Start();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task GetRequests_AReport_HasEveryGeoReportFieldAndNoOther()
    {
        await _host.ReportAsync();

        var request = Assert.Single(await _host.ArrayAsync("/open311/v2/requests.json"));

        Assert.Equal(RequestFields, request.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task GetRequests_AReport_MapsItsFieldsWithKyivDates()
    {
        var report = await _host.ReportAsync(ago: TimeSpan.FromHours(26), category: ReportCategory.Lighting);
        await _host.MoveAsync(report, ReportStatus.Acknowledged);

        var request = Assert.Single(await _host.ArrayAsync("/open311/v2/requests.json"));

        Assert.Equal(report.Id(), request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal(JsonValueKindNull, request.GetProperty("status_notes").ValueKind);
        Assert.Equal(Texts.Get(Language.Uk, "ReportCategory_Lighting"), request.GetProperty("service_name").GetString());
        Assert.Equal("Lighting", request.GetProperty("service_code").GetString());
        Assert.Equal(Open311Host.Description, request.GetProperty("description").GetString());
        Assert.Equal("Кам'янське", request.GetProperty("agency_responsible").GetString());
        Assert.Equal("2026-11-22T09:00:00+02:00", request.GetProperty("requested_datetime").GetString());
        Assert.Equal("2026-11-23T11:00:00+02:00", request.GetProperty("updated_datetime").GetString());
        Assert.Equal(Open311Host.Address, request.GetProperty("address").GetString());
        Assert.Equal(Open311Host.Point.Latitude, request.GetProperty("lat").GetDouble());
        Assert.Equal(Open311Host.Point.Longitude, request.GetProperty("long").GetDouble());
        Assert.All(
            ["service_notice", "expected_datetime", "address_id", "zipcode", "media_url"],
            field => Assert.Equal(JsonValueKindNull, request.GetProperty(field).ValueKind));
    }

    [Fact]
    public async Task GetRequests_ReportWithAnAddressOnly_HasNullLatAndLong()
    {
        var report = await _host.ReportAsync(address: null);
        await _host.Get<IReportStore>().UpdateAsync(report.Number, stored => stored with { Location = null, Address = "біля школи №5" }, ApiHost.Cancellation);

        var request = Assert.Single(await _host.ArrayAsync("/open311/v2/requests.json"));

        Assert.Equal("біля школи №5", request.GetProperty("address").GetString());
        Assert.Equal((JsonValueKindNull, JsonValueKindNull), (request.GetProperty("lat").ValueKind, request.GetProperty("long").ValueKind));
    }

    [Theory]
    [InlineData(ReportStatus.New, "open")]
    [InlineData(ReportStatus.Acknowledged, "open")]
    [InlineData(ReportStatus.InProgress, "open")]
    [InlineData(ReportStatus.Resolved, "closed")]
    [InlineData(ReportStatus.Rejected, "closed")]
    public async Task GetRequest_EachStatus_MapsToOpenOrClosed(ReportStatus status, string expected)
    {
        var report = await _host.ReportAsync(ago: TimeSpan.FromHours(1));
        if (status != ReportStatus.New)
        {
            await _host.MoveAsync(report, status, status == ReportStatus.Rejected ? "Це приватна територія." : null);
        }

        var request = Assert.Single(await _host.ArrayAsync($"/open311/v2/requests/{report.Id()}.json"));

        Assert.Equal(expected, request.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetRequests_StatusFilter_ListsOpenOrClosedOrBoth()
    {
        var fresh = await _host.ReportAsync(ago: TimeSpan.FromHours(5));
        var working = await _host.MoveAsync(await _host.ReportAsync(ago: TimeSpan.FromHours(4)), ReportStatus.InProgress);
        var resolved = await _host.MoveAsync(await _host.ReportAsync(ago: TimeSpan.FromHours(3)), ReportStatus.Resolved);
        var rejected = await _host.MoveAsync(await _host.ReportAsync(ago: TimeSpan.FromHours(2)), ReportStatus.Rejected, "Дубль звернення №1.");

        var open = await _host.IdsAsync("?status=open");
        var closed = await _host.IdsAsync("?status=CLOSED");
        var both = await _host.IdsAsync("?status=open,closed");
        var repeated = await _host.IdsAsync("?status=open&status=closed");

        Assert.Equal([working.Id(), fresh.Id()], open);
        Assert.Equal([rejected.Id(), resolved.Id()], closed);
        Assert.Equal([rejected.Id(), resolved.Id(), working.Id(), fresh.Id()], both);
        Assert.Equal(both, repeated);
    }

    [Fact]
    public async Task GetRequests_ServiceCodeFilter_ListsOnlyThoseServices()
    {
        var roads = await _host.ReportAsync(ago: TimeSpan.FromHours(3), category: ReportCategory.Roads);
        await _host.ReportAsync(ago: TimeSpan.FromHours(2), category: ReportCategory.Waste);
        var lighting = await _host.ReportAsync(ago: TimeSpan.FromHours(1), category: ReportCategory.Lighting);

        var ids = await _host.IdsAsync("?service_code=Roads,lighting");

        Assert.Equal([lighting.Id(), roads.Id()], ids);
    }

    [Fact]
    public async Task GetRequests_StartAndEndDate_IncludeBothBounds()
    {
        await _host.ReportAsync(ago: TimeSpan.FromDays(10));
        var atStart = await _host.ReportAsync(ago: TimeSpan.FromDays(6));
        var between = await _host.ReportAsync(ago: TimeSpan.FromDays(3));
        var atEnd = await _host.ReportAsync(ago: TimeSpan.FromDays(1));
        await _host.ReportAsync(ago: TimeSpan.FromHours(1));

        // 2026-11-17T09:00Z and 2026-11-22T09:00Z, written with two different offsets.
        var ids = await _host.IdsAsync("?start_date=2026-11-17T11:00:00%2B02:00&end_date=2026-11-22T09:00:00Z");

        Assert.Equal([atEnd.Id(), between.Id(), atStart.Id()], ids);
    }

    [Fact]
    public async Task GetRequests_OneDateOnly_CoversThe90DaysAfterTheStartOrBeforeTheEnd()
    {
        var old = await _host.ReportAsync(ago: TimeSpan.FromDays(200));
        var middle = await _host.ReportAsync(ago: TimeSpan.FromDays(150));
        var recent = await _host.ReportAsync(ago: TimeSpan.FromDays(10));

        var fromStart = await _host.IdsAsync("?start_date=2026-04-01T00:00:00Z");
        var toEnd = await _host.IdsAsync("?end_date=2026-08-15T00:00:00Z");

        Assert.Equal([middle.Id(), old.Id()], fromStart);
        Assert.Equal([middle.Id()], toEnd);
        Assert.DoesNotContain(recent.Id(), fromStart.Concat(toEnd));
    }

    [Fact]
    public async Task GetRequests_NoDates_ListsTheLast90DaysNewestFirst()
    {
        await _host.ReportAsync(ago: TimeSpan.FromDays(91));
        var older = await _host.ReportAsync(ago: TimeSpan.FromDays(89));
        var newer = await _host.ReportAsync(ago: TimeSpan.FromMinutes(1));

        var ids = await _host.IdsAsync("");

        Assert.Equal([newer.Id(), older.Id()], ids);
    }

    [Fact]
    public async Task GetRequests_MoreThan1000InTheWindow_Answers1000NewestFirst()
    {
        for (var i = 0; i <= 1000; i++)
        {
            await _host.ReportAsync(ago: TimeSpan.FromMinutes(2000 - i));
        }

        var ids = await _host.IdsAsync("");

        Assert.Equal(1000, ids.Count);
        Assert.Equal(["1001", "1000"], ids.Take(2));
        Assert.Equal("2", ids[^1]);
    }

    [Fact]
    public async Task GetRequests_ServiceRequestIds_ListsThoseWhateverTheOtherFilters()
    {
        var old = await _host.ReportAsync(ago: TimeSpan.FromDays(400));
        var closed = await _host.MoveAsync(await _host.ReportAsync(ago: TimeSpan.FromDays(2)), ReportStatus.Resolved);
        await _host.ReportAsync(ago: TimeSpan.FromDays(1));

        var ids = await _host.IdsAsync($"?service_request_id={closed.Id()},{old.Id()},999,{closed.Id()}&status=open&service_code=Waste&start_date=2026-11-20T00:00:00Z");

        Assert.Equal([closed.Id(), old.Id()], ids);
    }

    [Fact]
    public async Task GetRequests_Jurisdiction_ListsOnlyThatCommunitysReports()
    {
        var kamianske = await _host.ReportAsync(ago: TimeSpan.FromHours(2));
        var lviv = await _host.ReportAsync(ago: TimeSpan.FromHours(1), communityId: "lviv");

        var all = await _host.IdsAsync("");
        var onlyLviv = await _host.IdsAsync("?jurisdiction_id=lviv");
        var byIdElsewhere = await _host.IdsAsync($"?jurisdiction_id=lviv&service_request_id={kamianske.Id()}");

        Assert.Equal([lviv.Id(), kamianske.Id()], all);
        Assert.Equal([lviv.Id()], onlyLviv);
        Assert.Empty(byIdElsewhere);
    }

    [Theory]
    [InlineData("?jurisdiction_id=atlantis", 404, "jurisdiction_id 'atlantis' is unknown")]
    [InlineData("?start_date=yesterday", 400, "start_date 'yesterday' is not a W3C date-time")]
    [InlineData("?end_date=2026-11-01T00:00:00", 400, "end_date '2026-11-01T00:00:00' is not a W3C date-time")]
    [InlineData("?start_date=2026-11-01", 400, "start_date '2026-11-01' is not a W3C date-time")]
    [InlineData("?start_date=2026-11-10T00:00:00Z&end_date=2026-11-01T00:00:00Z", 400, "end_date comes before start_date")]
    [InlineData("?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z", 400, "may span at most 90 days")]
    [InlineData("?service_code=Potholes", 400, "service_code 'Potholes' is unknown; the services are Roads, Lighting")]
    [InlineData("?service_code=1", 400, "service_code '1' is unknown")]
    [InlineData("?status=pending", 400, "status 'pending' is not open, closed or both")]
    [InlineData("?service_request_id=abc", 400, "service_request_id 'abc' is not a list of request numbers")]
    [InlineData("?service_request_id=-4", 400, "service_request_id '-4' is not a list of request numbers")]
    public async Task GetRequests_BadParameter_AnswersTheErrorArrayWithItsStatus(string query, int status, string fragment)
    {
        using var response = await _host.GetAsync($"/open311/v2/requests.json{query}", key: null);

        await Open311Host.AssertErrorAsync(response, status, fragment);
    }

    [Fact]
    public async Task GetRequests_SeveralBadParameters_ListsEachError()
    {
        using var response = await _host.GetAsync("/open311/v2/requests.json?service_code=Potholes&status=pending", key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([400, 400], errors.Select(error => error.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task GetRequest_ById_AnswersAnArrayOfOne()
    {
        await _host.ReportAsync(ago: TimeSpan.FromHours(2));
        var report = await _host.ReportAsync(ago: TimeSpan.FromHours(1), category: ReportCategory.Heating);

        var requests = await _host.ArrayAsync($"/open311/v2/requests/{report.Id()}.json?jurisdiction_id=kamianske");

        var request = Assert.Single(requests);
        Assert.Equal((report.Id(), "Heating"), (request.GetProperty("service_request_id").GetString(), request.GetProperty("service_code").GetString()));
        Assert.Equal(RequestFields, request.EnumerateObject().Select(property => property.Name));
    }

    [Theory]
    [InlineData("/open311/v2/requests/999.json", "There is no service request '999'")]
    [InlineData("/open311/v2/requests/abc.json", "There is no service request 'abc'")]
    [InlineData("/open311/v2/requests/1.json?jurisdiction_id=lviv", "There is no service request '1' in lviv")]
    public async Task GetRequest_UnknownIdOrOtherJurisdiction_Answers404ErrorArray(string path, string fragment)
    {
        await _host.ReportAsync();

        using var response = await _host.GetAsync(path, key: null);

        await Open311Host.AssertErrorAsync(response, 404, fragment);
    }

    [Fact]
    public async Task GetRequest_UnknownJurisdiction_Answers404ErrorArray()
    {
        var report = await _host.ReportAsync();

        using var response = await _host.GetAsync($"/open311/v2/requests/{report.Id()}.json?jurisdiction_id=atlantis", key: null);

        await Open311Host.AssertErrorAsync(response, 404, "jurisdiction_id 'atlantis' is unknown");
    }

    [Fact]
    public async Task GetRequests_RejectedReport_StatusNotesHoldTheReasonButNoReply()
    {
        var report = await _host.ReportAsync(ago: TimeSpan.FromHours(1));
        await _host.Get<IReportStore>().UpdateAsync(
            report.Number, stored => stored.Answered("r-moderator", "Тарасе, дякуємо, перевіримо.", _host.Clock.GetUtcNow()), ApiHost.Cancellation);
        await _host.MoveAsync(report, ReportStatus.Rejected, "Це приватна територія.");

        var request = Assert.Single(await _host.ArrayAsync("/open311/v2/requests.json"));

        Assert.Equal(("closed", "Це приватна територія."), (request.GetProperty("status").GetString(), request.GetProperty("status_notes").GetString()));
        Assert.DoesNotContain("Тарасе", request.Unescaped(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetRequests_AnonymousOrNamedReport_ExposesNothingOfTheReporterOrThoseWhoJoined(bool anonymous)
    {
        var taras = await ResidentWithPhoneAsync("taras-chat-7", "Тарас Шевченко", "+380501234567");
        var olena = await ResidentWithPhoneAsync("olena-chat-9", "Олена Пчілка", "+380671112233");
        var report = await _host.ReportAsync(
            reporterId: taras.Id, anonymous: anonymous, photoIds: ["AgACAgIAAxkBAAIBc2telegram-file-id", "https://dl-media.viber.com/photo-token"]);
        await _host.Get<IReportStore>().UpdateAsync(report.Number, stored => stored.JoinedBy(olena.Id), ApiHost.Cancellation);

        using var list = await _host.GetAsync("/open311/v2/requests.json", key: null);
        using var one = await _host.GetAsync($"/open311/v2/requests/{report.Id()}.json", key: null);

        var listed = await list.JsonAsync();
        var single = await one.JsonAsync();

        foreach (var body in new[] { listed.Unescaped(), single.Unescaped() })
        {
            Assert.Contains(Open311Host.Description, body, StringComparison.Ordinal);
            foreach (var secret in new[] { taras.Id, olena.Id, "taras-chat-7", "olena-chat-9", "Тарас", "Шевченко", "Олена", "380501234567", "380671112233", "telegram-file-id", "viber" })
            {
                Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Equal(JsonValueKindNull, Assert.Single(listed.EnumerateArray()).GetProperty("media_url").ValueKind);
    }

    [Fact]
    public async Task GetRequests_LocaleEn_NamesServiceAndAgencyInEnglish()
    {
        await _host.ReportAsync(category: ReportCategory.Greenery);

        var request = Assert.Single(await _host.ArrayAsync("/open311/v2/requests.json?locale=en"));

        Assert.Equal(Texts.Get(Language.En, "ReportCategory_Greenery"), request.GetProperty("service_name").GetString());
        Assert.Equal("Kamianske", request.GetProperty("agency_responsible").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private async Task<Resident> ResidentWithPhoneAsync(string userId, string name, string phone)
    {
        var resident = await _host.ResidentAsync(userId);
        resident.Name = name;
        resident.Phone = phone;
        await _host.Get<IResidentStore>().SaveAsync(resident, ApiHost.Cancellation);
        return resident;
    }
}
