using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Core.Broadcasts;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;

namespace Hromada.Bots.Tests.Api;

/// <summary>
/// The broadcasts endpoints over the real host: queued through the outbox by the same Core services as
/// /broadcast, with the figures of "/broadcast status", and cancelled as /cancelbroadcast cancels.
/// </summary>
public sealed class BroadcastsApiTests : IAsyncLifetime
{
    private const string Announcement = "Завтра з 9:00 до 13:00 не буде води на вулиці Соборній.";

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

    private static object ValidBroadcast(string communityId = "kamianske", string[]? spheres = null, string[]? statuses = null) =>
        new { communityId, spheres, statuses, text = Announcement };

    [Fact]
    public async Task CreateBroadcast_ToCommunityAndSphere_QueuesOneMessageForEachOfTheAudienceAndAuditsTheKey()
    {
        var ecologists = new[] { await ResidentAsync("eco1", "kamianske", "ecology"), await ResidentAsync("eco2", "kamianske", "ecology") };
        var driver = await ResidentAsync("driver", "kamianske", "transport");
        var elsewhere = await ResidentAsync("elsewhere", "lviv", "ecology");
        await ResidentAsync("unreachable", "kamianske", "ecology", reachable: false);

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, ValidBroadcast(spheres: ["ecology"]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/broadcasts/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("queued", 2), (created.GetProperty("status").GetString(), created.GetProperty("recipients").GetInt32()));
        var done = await ProgressAsync(id, broadcast => broadcast.GetProperty("status").GetString() == "done");
        Assert.Equal((2, 0, 2, 0, 1), (done.GetProperty("recipients").GetInt32(), Figure(done, "queued"), Figure(done, "sent"), Figure(done, "failed"), Figure(done, "unreachable")));
        foreach (var ecologist in ecologists)
        {
            var message = Assert.Single(await _host.MessagesToAsync(ecologist));
            Assert.Equal((Announcement, OutboxPriority.Broadcast, $"broadcast:{id}:{ecologist.Id}"), (message.Reply.Text, message.Priority, message.IdempotencyKey));
        }

        Assert.Empty(await _host.MessagesToAsync(driver));
        Assert.Empty(await _host.MessagesToAsync(elsewhere));
        var audited = Assert.Single(await _host.Get<IAuditStore>().ListRecentAsync(null, 10, Ct));
        Assert.Equal(($"api:{KeyId}", AuditActions.BroadcastQueued, $"broadcast:{id}", "kamianske"), (audited.Actor.Id, audited.Action, audited.Target, audited.CommunityId));
    }

    [Fact]
    public async Task CreateBroadcast_ByStatus_ReachesOnlyThoseHoldingIt()
    {
        var expert = await ResidentAsync("expert", "kamianske", "ecology", ResidentStatus.LocalExpert);
        var newcomer = await ResidentAsync("newcomer", "kamianske", "ecology");

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, ValidBroadcast(statuses: ["localExpert", "opinionLeader"]));

        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, created.GetProperty("recipients").GetInt32());
        Assert.Equal(["localExpert", "opinionLeader"], created.GetProperty("statuses").EnumerateArray().Select(status => status.GetString()));
        await ProgressAsync(created.GetProperty("id").GetString()!, broadcast => broadcast.GetProperty("status").GetString() == "done");
        Assert.Single(await _host.MessagesToAsync(expert));
        Assert.Empty(await _host.MessagesToAsync(newcomer));
    }

    [Fact]
    public async Task CancelBroadcast_WhileMessagesWaitForQuietHoursToEnd_DropsThemAndAFinishedOneIs409()
    {
        var ecologists = new[] { await ResidentAsync("eco1", "kamianske", "ecology"), await ResidentAsync("eco2", "kamianske", "ecology") };
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero)); // 23:00 in Kyiv
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, ValidBroadcast());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var waiting = await ProgressAsync(id, broadcast => broadcast.GetProperty("status").GetString() == "sending");

        using var cancelled = await _host.SendAsync(HttpMethod.Post, $"/api/v1/broadcasts/{id}/cancel", _key);
        using var again = await _host.SendAsync(HttpMethod.Post, $"/api/v1/broadcasts/{id}/cancel", _key);

        Assert.Equal((2, 0), (Figure(waiting, "queued"), Figure(waiting, "sent")));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var body = await cancelled.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("cancelled", 0, 0), (body.GetProperty("status").GetString(), Figure(body, "queued"), Figure(body, "sent")));
        foreach (var ecologist in ecologists)
        {
            Assert.Equal(OutboxStatus.Dropped, Assert.Single(await _host.MessagesToAsync(ecologist)).Status);
        }

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains(await _host.Get<IAuditStore>().ListRecentAsync(null, 10, Ct), entry => entry.Action == AuditActions.BroadcastCancelled && entry.Actor.Id == $"api:{KeyId}");
    }

    [Fact]
    public async Task CancelBroadcast_AllDelivered_Answers409AndStaysDone()
    {
        await ResidentAsync("eco1", "kamianske", "ecology");
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, ValidBroadcast());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        await Eventually.ResultAsync(
            async () => await _host.Get<IOutboxStore>().CountByKeyPrefixAsync($"broadcast:{id}:", Ct),
            counts => counts.GetValueOrDefault(OutboxStatus.Sent) == 1);

        using var response = await _host.SendAsync(HttpMethod.Post, $"/api/v1/broadcasts/{id}/cancel", _key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(BroadcastStatus.Done, (await _host.Get<IBroadcastStore>().GetAsync(id, Ct))?.Status);
    }

    [Fact]
    public async Task CreateBroadcast_InvalidFields_Answers400ValidationProblemNamingEachField()
    {
        var body = new
        {
            communityId = "atlantis",
            spheres = new[] { "astrology" },
            statuses = new[] { "responsible", "mayor" },
            text = "Вода",
            photoUrl = "ftp://example.org/photo.jpg",
        };

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(
            ["communityId", "photoUrl", "spheres[0]", "statuses[1]", "text"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Equal("The message must be 10 to 1000 characters long.", errors.GetProperty("text")[0].GetString());
        Assert.Empty(await _host.Get<IBroadcastStore>().ListByStatusAsync(BroadcastStatus.Queued, Ct));
    }

    [Fact]
    public async Task CreateBroadcast_MissingFields_Answers400NamingThem()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["communityId", "text"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateBroadcast_AnotherCommunity_Answers403AndQueuesNothing()
    {
        var elsewhere = await ResidentAsync("elsewhere", "lviv", "ecology");

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, ValidBroadcast("lviv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await _host.Get<IBroadcastStore>().ListRecentAsync($"api:{KeyId}", 10, Ct));
        Assert.Empty(await _host.MessagesToAsync(elsewhere));
        var refused = Assert.Single(await _host.Get<IAuditStore>().ListRecentAsync(null, 10, Ct));
        Assert.Equal((AuditActions.Refused, "lviv"), (refused.Action, refused.CommunityId));
    }

    [Fact]
    public async Task CreateBroadcast_WithPhoto_SendsThePhotoWithTheText()
    {
        var eco = await ResidentAsync("eco1", "kamianske", "ecology");
        var body = new { communityId = "kamianske", text = Announcement, photoUrl = "https://example.org/map.jpg" };

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, body);

        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        await ProgressAsync(id, broadcast => broadcast.GetProperty("status").GetString() == "done");
        var message = Assert.Single(await _host.MessagesToAsync(eco));
        Assert.Equal((Announcement, "https://example.org/map.jpg"), (message.Reply.Text, message.Reply.PhotoUrl));
    }

    [Fact]
    public async Task ListBroadcasts_TwoKeys_ListsOnlyTheKeysOwnNewestFirst()
    {
        var otherKey = await _host.KeyAsync("kamianske");
        using var first = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, ValidBroadcast());
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        using var second = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", _key, ValidBroadcast(spheres: ["ecology"]));
        using var others = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", otherKey, ValidBroadcast());

        using var response = await _host.GetAsync("/api/v1/broadcasts", _key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items");
        Assert.Equal(
            [await IdAsync(second), await IdAsync(first)],
            items.EnumerateArray().Select(item => item.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListBroadcasts_LimitOutOfRange_Answers400NamingIt()
    {
        using var response = await _host.GetAsync("/api/v1/broadcasts?limit=51", _key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["limit"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/cancel")]
    public async Task Broadcast_AnotherCommunitys_Answers403AndChangesNothing(string method, string action)
    {
        var lvivKey = await _host.KeyAsync("lviv");
        await ResidentAsync("elsewhere", "lviv", "ecology");
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero)); // 23:00 in Kyiv: the message waits
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/v1/broadcasts", lvivKey, ValidBroadcast("lviv"));
        var id = await IdAsync(created);

        using var response = await _host.SendAsync(new HttpMethod(method), $"/api/v1/broadcasts/{id}{action}", _key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(BroadcastStatus.Cancelled, (await _host.Get<IBroadcastStore>().GetAsync(id, Ct))?.Status);
    }

    [Theory]
    [InlineData("GET", "/api/v1/broadcasts/nope")]
    [InlineData("POST", "/api/v1/broadcasts/nope/cancel")]
    public async Task Broadcast_Unknown_Answers404Problem(string method, string path)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), path, _key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("There is no broadcast with the id 'nope'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/broadcasts")]
    [InlineData("POST", "/api/v1/broadcasts")]
    [InlineData("POST", "/api/v1/broadcasts/b1/cancel")]
    public async Task Broadcast_NoKey_Answers401(string method, string path)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), path, key: null, body: method == "POST" ? ValidBroadcast() : null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _host.Get<IBroadcastStore>().ListByStatusAsync(BroadcastStatus.Queued, Ct));
    }

    /// <summary>A registered resident of <paramref name="communityId"/> following one sphere.</summary>
    private async Task<Resident> ResidentAsync(
        string userId, string communityId, string sphere, ResidentStatus status = ResidentStatus.Registered, bool reachable = true)
    {
        var resident = await _host.ResidentAsync(userId, communityId, reachable: reachable);
        resident.Spheres = [sphere];
        resident.Status = status;
        await _host.Get<IResidentStore>().SaveAsync(resident, Ct);
        return resident;
    }

    /// <summary>GET /broadcasts/{id} until <paramref name="done"/> holds: the worker and the dispatcher run on their own.</summary>
    private Task<JsonElement> ProgressAsync(string id, Func<JsonElement, bool> done) =>
        Eventually.ResultAsync(
            async () =>
            {
                using var response = await _host.GetAsync($"/api/v1/broadcasts/{id}", _key);
                return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            },
            done);

    private static int Figure(JsonElement broadcast, string name) => broadcast.GetProperty("progress").GetProperty(name).GetInt32();

    private static async Task<string> IdAsync(HttpResponseMessage created) =>
        (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
}
