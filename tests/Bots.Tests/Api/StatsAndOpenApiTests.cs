using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bots.Api.Polls;
using Hromada.Bots.Tests.Channels.Dev;
using Hromada.Core.ApiKeys;
using Hromada.Core.Communities;
using Hromada.Core.Localization;
using Hromada.Core.Residents;

namespace Hromada.Bots.Tests.Api;

public sealed class StatsAndOpenApiTests : IAsyncDisposable
{
    private readonly ApiHost _host = ApiHost.Start(("Admin:SuperAdmins:0", "dev:admin"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Stats_CommunityKey_CountsItsRegisteredResidentsByStatusAndItsOpenPolls()
    {
        var key = await _host.KeyAsync("kamianske");
        await _host.ResidentAsync("olena");
        await _host.ResidentAsync("taras");
        var iryna = await _host.ResidentAsync("iryna");
        iryna.Status = ResidentStatus.Responsible;
        await _host.Get<IResidentStore>().SaveAsync(iryna, Ct);
        await _host.ResidentAsync("pending", registered: false);
        await _host.ResidentAsync("lviv-resident", communityId: "lviv");
        await _host.PollAsync("open");
        await _host.PollAsync("due", closesIn: TimeSpan.FromMinutes(-1));
        await _host.PollAsync("lviv-open", communityId: "lviv");

        using var response = await _host.GetAsync("/api/v1/stats", key);

        var stats = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 1), (stats.GetProperty("residentsTotal").GetInt32(), stats.GetProperty("openPolls").GetInt32()));
        var kamianske = Assert.Single(stats.GetProperty("communities").EnumerateArray());
        Assert.Equal("kamianske", kamianske.GetProperty("communityId").GetString());
        var residents = kamianske.GetProperty("residents");
        Assert.Equal(
            [("localExpert", 0), ("opinionLeader", 0), ("registered", 2), ("responsible", 1)],
            residents.EnumerateObject().Select(status => (status.Name, status.Value.GetInt32())).Order());
    }

    [Fact]
    public async Task Stats_AllCommunitiesKey_ListsEveryCommunity()
    {
        var key = await _host.KeyAsync(ApiKey.AllCommunities);
        await _host.ResidentAsync("olena");
        await _host.ResidentAsync("lviv-resident", communityId: "lviv");

        using var response = await _host.GetAsync("/api/v1/stats", key);

        var stats = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var communities = stats.GetProperty("communities").EnumerateArray().ToList();
        Assert.Equal(2, stats.GetProperty("residentsTotal").GetInt32());
        Assert.Contains(communities, row => row.GetProperty("communityId").GetString() == "ukraine");
        Assert.Equal(1, communities.Single(row => row.GetProperty("communityId").GetString() == "lviv").GetProperty("residentsTotal").GetInt32());
    }

    /// <summary>
    /// The same residents and polls read by a super-admin's /stats and by a key for all communities:
    /// blocked residents, residents without a community and polls not open yet are where the two
    /// counted differently before they shared <see cref="Core.Moderation.ICommunityStatsStore"/>.
    /// </summary>
    [Fact]
    public async Task Stats_SameData_ApiAndAdminDialogShowTheSameFigures()
    {
        var key = await _host.KeyAsync(ApiKey.AllCommunities);
        await _host.ResidentAsync("admin");
        await _host.ResidentAsync("olena");
        var iryna = await _host.ResidentAsync("iryna");
        iryna.Status = ResidentStatus.Responsible;
        await _host.Get<IResidentStore>().SaveAsync(iryna, Ct);
        var blocked = await _host.ResidentAsync("blocked");
        blocked.BlockedAt = ApiHost.StartTime;
        await _host.Get<IResidentStore>().SaveAsync(blocked, Ct);
        await _host.ResidentAsync("national", communityId: null);
        await _host.ResidentAsync("lviv-resident", communityId: "lviv");
        await _host.PollAsync("open");
        await _host.PollAsync("not-yet", openedAgo: TimeSpan.FromHours(-1));
        await _host.PollAsync("lviv-open", communityId: "lviv");
        var admin = new DevChatResident(_host.Host, "admin", "Admin");

        using var response = await _host.GetAsync("/api/v1/stats", key);
        var dialog = Assert.Single(await admin.SayAsync("/stats")).Text;

        var api = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var rows = api.GetProperty("communities").EnumerateArray().ToDictionary(row => row.GetProperty("communityId").GetString()!);
        var kamianske = rows["kamianske"];
        Assert.Equal((6, 2), (api.GetProperty("residentsTotal").GetInt32(), api.GetProperty("openPolls").GetInt32()));
        Assert.Equal((4, 1, 1), (kamianske.GetProperty("residentsTotal").GetInt32(), kamianske.GetProperty("blocked").GetInt32(), kamianske.GetProperty("openPolls").GetInt32()));
        Assert.Equal((1, 1), (rows[Community.NationalId].GetProperty("residentsTotal").GetInt32(), rows["lviv"].GetProperty("residentsTotal").GetInt32()));
        Assert.Contains(Text("Stats_Residents", 6, 1), dialog, StringComparison.Ordinal);
        foreach (var status in Enum.GetValues<ResidentStatus>())
        {
            var inStatus = rows.Values.Sum(row => row.GetProperty("residents").GetProperty(EnumName.Of(status)).GetInt32());
            Assert.Contains($"• {Text($"Stats_Status{status}")}: {inStatus}", dialog, StringComparison.Ordinal);
        }

        foreach (var (id, row) in rows.Where(row => row.Value.GetProperty("residentsTotal").GetInt32() > 0))
        {
            var name = CommunityDirectory.NameOf(_host.Get<CommunityDirectory>().Find(id)!, Language.Uk);
            Assert.Contains($"• {name}: {row.GetProperty("residentsTotal").GetInt32()}", dialog, StringComparison.Ordinal);
        }

        Assert.EndsWith(Text("Stats_Polls", 2, 0, 0, 0), dialog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_Served_ListsTheApiPathsAndTheBearerScheme()
    {
        using var response = await _host.GetAsync("/openapi/v1.json", key: null);

        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Equal(
            [
                "/api/v1/broadcasts", "/api/v1/broadcasts/{id}", "/api/v1/broadcasts/{id}/cancel", "/api/v1/communities",
                "/api/v1/events", "/api/v1/events/{id}", "/api/v1/events/{id}.ics",
                "/api/v1/ideas", "/api/v1/ideas/{id}", "/api/v1/ideas/{id}/status",
                "/api/v1/poll-proposals", "/api/v1/poll-proposals/{id}/approve", "/api/v1/poll-proposals/{id}/reject",
                "/api/v1/polls", "/api/v1/polls/{id}", "/api/v1/polls/{id}/close", "/api/v1/polls/{id}/results",
                "/api/v1/reports", "/api/v1/reports/{number}", "/api/v1/reports/{number}/replies", "/api/v1/reports/{number}/status",
                "/api/v1/stats",
            ],
            paths.Order(StringComparer.Ordinal));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        var create = document.GetProperty("paths").GetProperty("/api/v1/polls").GetProperty("post");
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("401", out _));
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
