using System.Net;
using System.Text.Json;
using Hromada.Bots.Tests.Api;
using Hromada.Core.ApiKeys;
using Hromada.Core.Localization;
using Hromada.Core.Reports;

namespace Hromada.Bots.Tests.Open311;

/// <summary>POST /open311/v2/requests.json: a dispatch system files a report with an API key, form-encoded as GeoReport v2 has it.</summary>
public sealed class Open311CreateTests : IAsyncDisposable
{
    private readonly ApiHost _host = ApiHost.Start();

    private static CancellationToken Ct => ApiHost.Cancellation;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task PostRequest_ApiKeyInTheForm_FilesTheReportInTheKeysCommunityAndListsIt()
    {
        var key = await _host.KeyAsync("kamianske");

        using var response = await _host.PostRequestAsync(
            Form(("api_key", key), ("service_code", "lighting"), ("lat", "48.5071"), ("long", "34.6036"),
                ("address_string", "просп. Свободи, 40"), ("description", "Не світить жоден ліхтар у сквері"), ("media_url", "https://city.example/photos/42.jpg")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = Assert.Single((await response.JsonAsync()).EnumerateArray());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], created.EnumerateObject().Select(property => property.Name));
        var id = created.GetProperty("service_request_id").GetString()!;
        Assert.Equal(Texts.Get(Language.Uk, "Open311_Filed", long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)), created.GetProperty("service_notice").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("account_id").ValueKind);
        Assert.Equal($"/open311/v2/requests/{id}.json", response.Headers.Location?.OriginalString);

        var stored = await _host.StoredAsync(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(stored);
        Assert.Equal(
            ("kamianske", ReportCategory.Lighting, ReportStatus.New, "Не світить жоден ліхтар у сквері", "просп. Свободи, 40", true, ApiHost.StartTime),
            (stored.CommunityId, stored.Category, stored.Status, stored.Description, stored.Address, stored.AnonymousToPublic, stored.CreatedAt));
        Assert.Equal((48.5071, 34.6036), (stored.Location!.Latitude, stored.Location.Longitude));
        Assert.Equal(ProblemReport.Open311Reporter(key.Split('_')[1]), stored.ReporterId);
        Assert.Equal(key.Split('_')[1], stored.Open311KeyId);

        var listed = Assert.Single(await _host.ArrayAsync("/open311/v2/requests.json?jurisdiction_id=kamianske"));
        Assert.Equal((id, "open", "Lighting"), (listed.GetProperty("service_request_id").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("service_code").GetString()));
        Assert.Equal("https://city.example/photos/42.jpg", listed.GetProperty("media_url").GetString());
        Assert.Equal("2026-11-23T11:00:00+02:00", listed.GetProperty("requested_datetime").GetString());
    }

    [Fact]
    public async Task PostRequest_BearerHeaderAndAddressOnly_FilesTheReport()
    {
        var key = await _host.KeyAsync("lviv");

        using var response = await _host.PostRequestAsync(
            Form(("service_code", "Waste"), ("address_string", "вул. Городоцька, 100"), ("description", "Контейнери переповнені вже тиждень")), bearer: key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Assert.Single((await response.JsonAsync()).EnumerateArray()).GetProperty("service_request_id").GetString();
        var request = Assert.Single(await _host.ArrayAsync($"/open311/v2/requests/{id}.json?jurisdiction_id=lviv"));
        Assert.Equal(("вул. Городоцька, 100", JsonValueKind.Null), (request.GetProperty("address").GetString(), request.GetProperty("lat").ValueKind));
    }

    [Fact]
    public async Task PostRequest_EnglishAsked_AnswersTheNoticeInEnglish()
    {
        var key = await _host.KeyAsync("kamianske");

        using var response = await _host.PostRequestAsync(
            Form(("api_key", key), ("service_code", "Roads"), ("address_string", "вул. Соборна, 1"), ("description", "Яма біля зупинки автобуса"), ("locale", "en")));

        var created = Assert.Single((await response.JsonAsync()).EnumerateArray());
        Assert.StartsWith("Report №", created.GetProperty("service_notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRequest_NoKey_Answers401ErrorArrayAndFilesNothing()
    {
        using var response = await _host.PostRequestAsync(ValidForm());

        await Open311Host.AssertErrorAsync(response, 401, "An API key is needed");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Null(await _host.StoredAsync(1));
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("hk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task PostRequest_UnknownKey_Answers403ErrorArrayAndFilesNothing(string key)
    {
        using var inForm = await _host.PostRequestAsync([.. ValidForm(), new("api_key", key)]);
        using var inHeader = await _host.PostRequestAsync(ValidForm(), bearer: key);

        await Open311Host.AssertErrorAsync(inForm, 403, "The api_key is unknown or revoked.");
        await Open311Host.AssertErrorAsync(inHeader, 403, "The api_key is unknown or revoked.");
        Assert.Null(await _host.StoredAsync(1));
    }

    [Fact]
    public async Task PostRequest_RevokedKey_Answers403ErrorArray()
    {
        var key = await _host.KeyAsync("kamianske");
        await _host.Get<ApiKeyRegistry>().RevokeAsync(key.Split('_')[1], Ct);

        using var response = await _host.PostRequestAsync(ValidForm(), bearer: key);

        await Open311Host.AssertErrorAsync(response, 403, "The api_key is unknown or revoked.");
    }

    [Fact]
    public async Task PostRequest_JurisdictionOutsideTheKey_Answers403ErrorArrayAndFilesNothing()
    {
        var key = await _host.KeyAsync("kamianske");

        using var response = await _host.PostRequestAsync([.. ValidForm(), new("jurisdiction_id", "lviv")], bearer: key);

        await Open311Host.AssertErrorAsync(response, 403, "does not reach the jurisdiction lviv");
        Assert.Null(await _host.StoredAsync(1));
    }

    [Fact]
    public async Task PostRequest_AllCommunitiesKey_NeedsAJurisdictionAndFilesThere()
    {
        var key = await _host.KeyAsync(ApiKey.AllCommunities);

        using var without = await _host.PostRequestAsync(ValidForm(), bearer: key);
        using var with = await _host.PostRequestAsync([.. ValidForm(), new("jurisdiction_id", "lviv")], bearer: key);

        await Open311Host.AssertErrorAsync(without, 400, "jurisdiction_id is required with a key for all communities");
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
        Assert.Equal("lviv", (await _host.StoredAsync(1))?.CommunityId);
    }

    [Theory]
    [InlineData("service_code", null, 400, "service_code is required")]
    [InlineData("service_code", "Potholes", 400, "service_code 'Potholes' is unknown")]
    [InlineData("jurisdiction_id", "atlantis", 404, "jurisdiction_id 'atlantis' is unknown")]
    [InlineData("address_string", "вул", 400, "address_string: The address must be 5 to 300 characters.")]
    [InlineData("lat", "48,5", 400, "lat must be a number from -90 to 90")]
    [InlineData("lat", "91", 400, "lat must be a number from -90 to 90")]
    [InlineData("lat", null, 400, "lat must be a number from -90 to 90 (WGS84), sent together with long.")]
    [InlineData("description", null, 400, "description: The description must be 10 to 2000 characters.")]
    [InlineData("description", "Яма", 400, "description: The description must be 10 to 2000 characters.")]
    [InlineData("media_url", "file:///etc/passwd", 400, "media_url must be an http or https URL")]
    public async Task PostRequest_BadField_AnswersTheErrorArrayAndFilesNothing(string field, string? value, int status, string fragment)
    {
        var key = await _host.KeyAsync("kamianske");
        var form = ValidForm().Where(pair => pair.Key != field).ToList();
        if (value is not null)
        {
            form.Add(new(field, value));
        }

        using var response = await _host.PostRequestAsync(form, bearer: key);

        await Open311Host.AssertErrorAsync(response, status, fragment);
        Assert.Null(await _host.StoredAsync(1));
    }

    [Fact]
    public async Task PostRequest_NoPlace_AsksForLatLongOrAddress()
    {
        var key = await _host.KeyAsync("kamianske");

        using var response = await _host.PostRequestAsync(Form(("service_code", "Roads"), ("description", "Яма біля зупинки автобуса")), bearer: key);

        await Open311Host.AssertErrorAsync(response, 400, "Where is it? Send lat and long, or address_string.");
    }

    [Fact]
    public async Task PostRequest_AddressIdOnly_SaysItIsNotSupported()
    {
        var key = await _host.KeyAsync("kamianske");

        using var response = await _host.PostRequestAsync(
            Form(("service_code", "Roads"), ("address_id", "A-17"), ("description", "Яма біля зупинки автобуса")), bearer: key);

        await Open311Host.AssertErrorAsync(response, 400, "address_id is not supported");
    }

    [Fact]
    public async Task PostRequest_JsonBody_Answers400ErrorArray()
    {
        var key = await _host.KeyAsync("kamianske");

        using var response = await _host.SendAsync(
            HttpMethod.Post, "/open311/v2/requests.json", key, new { service_code = "Roads", address_string = "вул. Соборна, 1", description = "Яма біля зупинки" });

        await Open311Host.AssertErrorAsync(response, 400, "form-encoded");
        Assert.Null(await _host.StoredAsync(1));
    }

    [Fact]
    public async Task PostRequest_FormPastTheServersLimits_Answers400ErrorArray()
    {
        var key = await _host.KeyAsync("kamianske");
        var form = ValidForm();
        form.AddRange(Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>($"attribute[{i}]", "x")));

        using var response = await _host.PostRequestAsync(form, bearer: key);

        await Open311Host.AssertErrorAsync(response, 400, "The form could not be read");
        Assert.Null(await _host.StoredAsync(1));
    }

    [Fact]
    public async Task PostRequest_SubmittersPersonalFields_AreNeitherStoredNorPublished()
    {
        var key = await _host.KeyAsync("kamianske");

        using var response = await _host.PostRequestAsync(
            [.. ValidForm(), new("email", "ivan.franko@example.com"), new("first_name", "Іван"), new("last_name", "Франко"),
                new("phone", "+380931234567"), new("device_id", "device-77"), new("account_id", "account-88")],
            bearer: key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = JsonSerializer.SerializeToElement(await _host.StoredAsync(1)).Unescaped();
        using var published = await _host.GetAsync("/open311/v2/requests.json", key: null);
        var feed = (await published.JsonAsync()).Unescaped();
        foreach (var personal in new[] { "ivan.franko", "Іван", "Франко", "380931234567", "device-77", "account-88" })
        {
            Assert.DoesNotContain(personal, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, feed, StringComparison.Ordinal);
        }
    }

    private static List<KeyValuePair<string, string>> ValidForm() =>
        Form(("service_code", "Roads"), ("lat", "48.5167"), ("long", "34.6167"), ("address_string", "вул. Соборна, 12"), ("description", "Глибока яма посеред дороги"));

    private static List<KeyValuePair<string, string>> Form(params (string Name, string Value)[] fields) =>
        [.. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))];
}
