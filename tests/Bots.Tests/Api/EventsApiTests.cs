using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hromada.Core.ApiKeys;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;

namespace Hromada.Bots.Tests.Api;

/// <summary>
/// The events endpoints over the real host: an event created through the API is stored, audited as the
/// key and announced as /newevent announces it; lists, RSVP counts and the calendar file the bot sends.
/// </summary>
public sealed class EventsApiTests : IAsyncLifetime
{
    /// <summary>18:00 in Kyiv (UTC+2 in winter), a week after <see cref="ApiHost.StartTime"/>.</summary>
    private const string StartsAt = "2026-11-30T18:00:00+02:00";

    private ApiHost _host = null!;
    private string _key = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string KeyId => _key.Split('_')[1];

    public async ValueTask InitializeAsync()
    {
        _host = ApiHost.Start();
        _key = await _host.KeyAsync("kamianske");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static object ValidEvent(string communityId = "kamianske") => new
    {
        communityId,
        title = "Громадські слухання щодо скверу",
        type = "publicHearing",
        startsAt = StartsAt,
        endsAt = "2026-11-30T20:00:00+02:00",
        place = "Міська рада, зала 2",
        spheres = new[] { "ecology" },
    };

    [Fact]
    public async Task CreateEvent_Valid_StoresAuditsAsTheKeyAndAnnouncesToMatchingSubscribers()
    {
        var ecologist = await ResidentAsync("ecologist", "kamianske", "ecology");
        var driver = await ResidentAsync("driver", "kamianske", "transport");
        var elsewhere = await ResidentAsync("elsewhere", "lviv", "ecology");

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/events", _key, ValidEvent());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("event").GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/events/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, created.GetProperty("announced").GetInt32());
        var stored = await _host.Get<IEventStore>().GetAsync(id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(
            ("kamianske", EventType.PublicHearing, "Громадські слухання щодо скверу", "Міська рада, зала 2", $"api:{KeyId}"),
            (stored.CommunityId, stored.Type, stored.Title, stored.Place, stored.CreatedBy));
        Assert.Equal((new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), TimeSpan.Zero), (stored.StartsAt, stored.StartsAt.Offset));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero), stored.EndsAt);
        var announcement = Assert.Single(await _host.MessagesToAsync(ecologist));
        Assert.Equal(EventMessages.Announcement(Language.Uk, stored).Text, announcement.Reply.Text);
        Assert.Null(announcement.NotBefore);
        Assert.Empty(await _host.MessagesToAsync(driver));
        Assert.Empty(await _host.MessagesToAsync(elsewhere));
        var audited = Assert.Single(await _host.Get<IAuditStore>().ListRecentAsync(null, 10, Ct));
        Assert.Equal(($"api:{KeyId}", AuditActions.EventCreated, $"event:{id}", "kamianske"), (audited.Actor.Id, audited.Action, audited.Target, audited.CommunityId));
    }

    [Fact]
    public async Task CreateEvent_Valid_AnswersTimesInUtcAndOnTheKyivClock()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/events", _key, ValidEvent());

        var civicEvent = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("event");
        Assert.Equal(
            ("2026-11-30T16:00:00+00:00", "2026-11-30T18:00:00+02:00", "2026-11-30T20:00:00+02:00", "publicHearing", 0),
            (civicEvent.GetProperty("startsAt").GetString(), civicEvent.GetProperty("startsAtKyiv").GetString(),
                civicEvent.GetProperty("endsAtKyiv").GetString(), civicEvent.GetProperty("type").GetString(), civicEvent.GetProperty("going").GetInt32()));
    }

    [Fact]
    public async Task CreateEvent_InsideQuietHours_AnnouncementWaitsUntilTheyEnd()
    {
        var ecologist = await ResidentAsync("ecologist", "kamianske", "ecology");
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero)); // 23:00 in Kyiv

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/events", _key, ValidEvent());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var announcement = Assert.Single(await _host.MessagesToAsync(ecologist));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), announcement.NotBefore); // 08:00 in Kyiv
    }

    [Fact]
    public async Task CreateEvent_InvalidFields_Answers400ValidationProblemNamingEachField()
    {
        var body = new
        {
            communityId = "atlantis",
            title = new string('a', 151),
            type = "party",
            startsAt = "2026-11-30T18:00:00",
            place = "x",
            spheres = new[] { "ecology", "astrology" },
        };

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/events", _key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(
            ["communityId", "place", "spheres[1]", "startsAt", "title", "type"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Equal("The title should be 5 to 150 characters.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("The place should be 3 to 200 characters.", errors.GetProperty("place")[0].GetString());
        Assert.StartsWith("An ISO 8601 time with its offset", errors.GetProperty("startsAt")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "The type must be publicHearing, councilSession, committeeMeeting, consultation, training or action.",
            errors.GetProperty("type")[0].GetString());
    }

    [Theory]
    [InlineData("2026-11-23T10:00:00+02:00", null, "startsAt", "That time has passed. The event must be in the future.")]
    [InlineData("2028-11-23T10:00:00+02:00", null, "startsAt", "That is too far ahead: an event can be announced at most a year and a half before.")]
    [InlineData(StartsAt, "2026-11-30T17:00:00+02:00", "endsAt", "endsAt must come after startsAt.")]
    [InlineData(StartsAt, "2027-01-30T17:00:00+02:00", "endsAt", "endsAt must be within 31 days of startsAt.")]
    [InlineData(StartsAt, "30.11.2026 20:00", "endsAt", "An ISO 8601 time with its offset, such as 2026-11-30T18:00:00+02:00 or 2026-11-30T16:00:00Z is needed.")]
    public async Task CreateEvent_BadTimes_Answers400NamingTheField(string startsAt, string? endsAt, string field, string message)
    {
        var body = new { communityId = "kamianske", title = "Сесія міської ради", type = "councilSession", startsAt, endsAt, place = "Міська рада" };

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/events", _key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        var error = Assert.Single(errors.EnumerateObject());
        Assert.Equal((field, message), (error.Name, error.Value[0].GetString()));
        Assert.Empty(await _host.Get<IEventStore>().ListUpcomingAsync(["kamianske"], ApiHost.StartTime.AddYears(-1), 10, Ct));
    }

    [Fact]
    public async Task CreateEvent_MissingFields_Answers400NamingThem()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/events", _key, new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(
            ["communityId", "place", "startsAt", "title", "type"],
            problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateEvent_AnotherCommunity_Answers403AndAuditsTheRefusal()
    {
        var elsewhere = await ResidentAsync("elsewhere", "lviv", "ecology");

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/events", _key, ValidEvent("lviv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await _host.Get<IEventStore>().ListUpcomingAsync(["lviv"], ApiHost.StartTime, 10, Ct));
        Assert.Empty(await _host.MessagesToAsync(elsewhere));
        var audited = Assert.Single(await _host.Get<IAuditStore>().ListRecentAsync(null, 10, Ct));
        Assert.Equal(($"api:{KeyId}", AuditActions.Refused, "lviv"), (audited.Actor.Id, audited.Action, audited.CommunityId));
    }

    [Fact]
    public async Task CalendarFile_CreatedEvent_AnswersTheBotsCalendarFile()
    {
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/v1/events", _key, ValidEvent());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("event").GetProperty("id").GetString()!;

        using var response = await _host.GetAsync($"/api/v1/events/{id}.ics", _key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EventCalendarFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var stored = await _host.Get<IEventStore>().GetAsync(id, Ct);
        Assert.Equal(EventCalendarFile.For(stored!).Content, bytes);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains($"UID:{id}@hromada", text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID={KyivTime.Zone.Id}:20261130T180000", text, StringComparison.Ordinal);
        Assert.Equal("Europe/Kyiv", KyivTime.Zone.Id);
    }

    [Fact]
    public async Task GetEvent_WithAnswers_GivesTheGoingCountAndNoResident()
    {
        var civicEvent = await EventAsync("e1", "kamianske", TimeSpan.FromDays(2));
        var rsvps = _host.Get<IRsvpStore>();
        await rsvps.AnswerAsync(civicEvent.Id, "r-olena", RsvpAnswer.Going, ApiHost.StartTime, Ct);
        await rsvps.AnswerAsync(civicEvent.Id, "r-taras", RsvpAnswer.Going, ApiHost.StartTime, Ct);
        await rsvps.AnswerAsync(civicEvent.Id, "r-iryna", RsvpAnswer.NotGoing, ApiHost.StartTime, Ct);

        using var response = await _host.GetAsync("/api/v1/events/e1", _key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(("e1", 2), (body.GetProperty("id").GetString(), body.GetProperty("going").GetInt32()));
        Assert.DoesNotContain("r-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListEvents_Filters_GiveTheWindowsUpcomingEventsOfTheKeysCommunitiesSoonestFirst()
    {
        await EventAsync("soon", "kamianske", TimeSpan.FromDays(1));
        await EventAsync("later", "kamianske", TimeSpan.FromDays(3));
        await EventAsync("far", "kamianske", TimeSpan.FromDays(10));
        await EventAsync("past", "kamianske", TimeSpan.FromDays(-1));
        await EventAsync("cancelled", "kamianske", TimeSpan.FromDays(2), cancelled: true);
        await EventAsync("lviv", "lviv", TimeSpan.FromDays(2));

        var all = await ListAsync("/api/v1/events", _key);
        var window = await ListAsync("/api/v1/events?community=kamianske&from=2026-11-25T09:00:00Z&to=2026-11-30T09:00:00%2B02:00", _key);
        var page = await ListAsync("/api/v1/events?offset=1&limit=1", _key);
        var history = await ListAsync("/api/v1/events?from=2026-11-20T00:00:00Z&to=2026-11-25T02:00:00+02:00", _key); // '+' unencoded
        var everywhere = await ListAsync("/api/v1/events?limit=2", await _host.KeyAsync(ApiKey.AllCommunities));

        Assert.Equal(["soon", "later", "far"], all);
        Assert.Equal(["later"], window);
        Assert.Equal(["later"], page);
        Assert.Equal(["past", "soon"], history);
        Assert.Equal(["soon", "lviv"], everywhere);
    }

    [Fact]
    public async Task ListEvents_BadFilters_Answers400NamingThem()
    {
        using var response = await _host.GetAsync("/api/v1/events?community=atlantis&from=yesterday&to=2026-11-20T00:00:00Z&limit=0&offset=-1", _key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(
            ["community", "from", "limit", "offset"],
            problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListEvents_ToBeforeFrom_Answers400NamingTo()
    {
        using var response = await _host.GetAsync("/api/v1/events?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z", _key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("to must come after from.", errors.GetProperty("to")[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/events?community=lviv")]
    [InlineData("/api/v1/events/lviv-event")]
    [InlineData("/api/v1/events/lviv-event.ics")]
    public async Task Get_AnotherCommunitysEvents_Answers403Problem(string path)
    {
        await EventAsync("lviv-event", "lviv", TimeSpan.FromDays(2));

        using var response = await _host.GetAsync(path, _key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/events/nope")]
    [InlineData("/api/v1/events/nope.ics")]
    public async Task Get_UnknownEvent_Answers404Problem(string path)
    {
        using var response = await _host.GetAsync(path, _key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("There is no event with the id 'nope'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/events")]
    [InlineData("POST", "/api/v1/events")]
    [InlineData("GET", "/api/v1/events/e1.ics")]
    public async Task Call_NoKey_Answers401(string method, string path)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), path, key: null, body: method == "POST" ? ValidEvent() : null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _host.Get<IEventStore>().ListUpcomingAsync(["kamianske"], ApiHost.StartTime, 10, Ct));
    }

    /// <summary>A registered, reachable resident whose subscription follows <paramref name="communityId"/> and one sphere.</summary>
    private async Task<Resident> ResidentAsync(string userId, string communityId, string sphere)
    {
        var resident = await _host.ResidentAsync(userId, communityId);
        resident.Spheres = [sphere];
        await _host.Get<IResidentStore>().SaveAsync(resident, Ct);
        return resident;
    }

    private async Task<CivicEvent> EventAsync(string id, string communityId, TimeSpan startsIn, bool cancelled = false)
    {
        var civicEvent = new CivicEvent
        {
            Id = id,
            CommunityId = communityId,
            Type = EventType.Consultation,
            Title = $"Консультація {id}",
            StartsAt = ApiHost.StartTime + startsIn,
            Place = "Онлайн",
            CreatedBy = "r-moderator",
            CreatedAt = ApiHost.StartTime.AddDays(-7),
            Cancelled = cancelled,
        };
        await _host.Get<IEventStore>().SaveAsync(civicEvent, Ct);
        return civicEvent;
    }

    private async Task<List<string?>> ListAsync(string path, string key)
    {
        using var response = await _host.GetAsync(path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString())];
    }
}
