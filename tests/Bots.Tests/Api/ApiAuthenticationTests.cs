using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Core.ApiKeys;
using Hromada.Core.Polls;

namespace Hromada.Bots.Tests.Api;

/// <summary>Who may call /api/v1: no key or a bad one 401, a key outside its communities 403, both as problem details.</summary>
public sealed class ApiAuthenticationTests : IAsyncDisposable
{
    private readonly ApiHost _host = ApiHost.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Get_NoKey_Answers401ProblemWithBearerChallenge()
    {
        using var response = await _host.GetAsync("/api/v1/communities", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("hk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Get_UnknownOrMalformedKey_Answers401Problem(string key)
    {
        using var response = await _host.GetAsync("/api/v1/polls", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("The API key is unknown or revoked.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_KeyWithAWrongSecret_Answers401()
    {
        var key = await _host.KeyAsync("kamianske");
        var tampered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        using var response = await _host.GetAsync("/api/v1/communities", tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_RevokedKey_Answers401()
    {
        var key = await _host.KeyAsync("kamianske");
        using var before = await _host.GetAsync("/api/v1/communities", key);
        await _host.Get<ApiKeyRegistry>().RevokeAsync(key.Split('_')[1], Ct);

        using var after = await _host.GetAsync("/api/v1/communities", key);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task GetCommunities_ValidKey_Answers200WithEveryCommunity()
    {
        var key = await _host.KeyAsync("kamianske");

        using var response = await _host.GetAsync("/api/v1/communities", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var communities = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var ids = communities.EnumerateArray().Select(community => community.GetProperty("id").GetString()).ToList();
        Assert.Contains("kamianske", ids);
        Assert.Contains("ukraine", ids);
        Assert.Contains("lviv", ids);
    }

    [Fact]
    public async Task Polls_KeyOfAnotherCommunity_Answers403ProblemEverywhere()
    {
        var key = await _host.KeyAsync("kamianske");
        var lviv = await _host.PollAsync("lviv-poll", communityId: "lviv");
        var national = await _host.PollAsync("national-poll", communityId: "ukraine");

        using var list = await _host.GetAsync("/api/v1/polls?community=lviv", key);
        using var results = await _host.GetAsync($"/api/v1/polls/{lviv.Id}/results", key);
        using var nationalResults = await _host.GetAsync($"/api/v1/polls/{national.Id}/results", key);
        using var close = await _host.SendAsync(HttpMethod.Post, $"/api/v1/polls/{lviv.Id}/close", key);
        using var create = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls", key, PollsApiTests.ValidPoll("lviv"));

        Assert.All([list, results, nationalResults, close, create], response =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
        var problem = await create.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal(lviv.ClosesAt, (await _host.Get<IPollStore>().GetAsync(lviv.Id, Ct))?.ClosesAt);
    }

    [Fact]
    public async Task Polls_NationalKey_ReachesTheNationalLevelOnly()
    {
        var key = await _host.KeyAsync("ukraine");
        var national = await _host.PollAsync("national-poll", communityId: "ukraine");
        var kamianske = await _host.PollAsync("kamianske-poll");

        using var nationalResults = await _host.GetAsync($"/api/v1/polls/{national.Id}/results", key);
        using var kamianskeResults = await _host.GetAsync($"/api/v1/polls/{kamianske.Id}/results", key);
        using var list = await _host.GetAsync("/api/v1/polls", key);

        Assert.Equal(HttpStatusCode.OK, nationalResults.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, kamianskeResults.StatusCode);
        var page = await list.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["national-poll"], page.GetProperty("items").EnumerateArray().Select(poll => poll.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Polls_AllCommunitiesKey_ReachesEveryCommunity()
    {
        var key = await _host.KeyAsync(ApiKey.AllCommunities);
        await _host.PollAsync("national-poll", communityId: "ukraine");
        await _host.PollAsync("kamianske-poll");
        var lviv = await _host.PollAsync("lviv-poll", communityId: "lviv");

        using var list = await _host.GetAsync("/api/v1/polls", key);
        using var lvivResults = await _host.GetAsync($"/api/v1/polls/{lviv.Id}/results", key);

        Assert.Equal(HttpStatusCode.OK, lvivResults.StatusCode);
        var page = await list.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(
            ["kamianske-poll", "lviv-poll", "national-poll"],
            page.GetProperty("items").EnumerateArray().Select(poll => poll.GetProperty("id").GetString()).Order());
    }
}
