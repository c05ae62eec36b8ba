using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hromada.Core.Polls;

namespace Hromada.Bots.Tests.Api;

/// <summary>The polls endpoints: validation as problem details, 404s, and results that are totals only.</summary>
public sealed class PollsApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private string _key = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = ApiHost.Start();
        _key = await _host.KeyAsync("kamianske");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal static object ValidPoll(string communityId = "kamianske") => new
    {
        communityId,
        question = "Де облаштувати новий сквер?",
        options = new[] { "Біля школи", "На набережній" },
        spheres = new[] { "ecology" },
        closesAt = ApiHost.StartTime.AddDays(7),
    };

    [Fact]
    public async Task CreatePoll_InvalidFields_Answers400ValidationProblemNamingEachField()
    {
        var body = new
        {
            communityId = "kamianske",
            question = "Hi",
            options = new[] { "Так" },
            type = "ranked",
            spheres = new[] { "astrology" },
            closesAt = ApiHost.StartTime.AddHours(-1),
        };

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls", _key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["closesAt", "options", "question", "spheres[0]", "type"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Equal("The question must be 5 to 300 characters long.", errors.GetProperty("question")[0].GetString());
        Assert.Equal("At least 2 answer options are needed.", errors.GetProperty("options")[0].GetString());
        Assert.Equal("closesAt must lie ahead.", errors.GetProperty("closesAt")[0].GetString());
        Assert.Empty(await _host.Get<IPollStore>().ListAsync(["kamianske"], null, ApiHost.StartTime, 0, 10, Ct));
    }

    [Fact]
    public async Task CreatePoll_MissingFields_Answers400NamingThem()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls", _key, new { });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["closesAt", "communityId", "options", "question"],
            problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreatePoll_UnreadableJson_Answers400Problem()
    {
        using var body = new StringContent("{\"question\": ", Encoding.UTF8, "application/json");

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls", _key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreatePoll_Valid_Answers201AndIsListedOpen()
    {
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls", _key, ValidPoll());
        var poll = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = poll.GetProperty("id").GetString();

        using var list = await _host.GetAsync("/api/v1/polls?community=kamianske&status=open", _key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/polls/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("open", poll.GetProperty("status").GetString());
        Assert.Equal("singleChoice", poll.GetProperty("type").GetString());
        var page = await list.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal([id], page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
        var stored = await _host.Get<IPollStore>().GetAsync(id!, Ct);
        Assert.Equal(
            ("Де облаштувати новий сквер?", PollStatus.Open, ApiHost.StartTime, ApiHost.StartTime.AddDays(7)),
            (stored?.Question, stored?.Status, stored?.OpensAt, stored?.ClosesAt));
        Assert.True(stored!.IsOpenAt(ApiHost.StartTime));
    }

    [Fact]
    public async Task CreatePoll_Scale_StoresOptionsOneToTheTop()
    {
        var body = new { communityId = "kamianske", question = "Оцініть роботу транспорту", type = "scale", scaleTop = 5, closesAt = ApiHost.StartTime.AddDays(3) };

        using var created = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls", _key, body);

        var poll = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["1", "2", "3", "4", "5"], poll.GetProperty("options").EnumerateArray().Select(option => option.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/polls/nope/results", "GET")]
    [InlineData("/api/v1/polls/nope", "GET")]
    [InlineData("/api/v1/polls/nope/close", "POST")]
    public async Task UnknownPoll_Answers404Problem(string path, string method)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), path, _key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("There is no poll with the id 'nope'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Results_AfterVotes_GivesTotalsAndNoResident()
    {
        var poll = await _host.PollAsync("p1");
        var olena = await _host.ResidentAsync("olena");
        var taras = await _host.ResidentAsync("taras");
        var iryna = await _host.ResidentAsync("iryna");
        await _host.VoteAsync(poll, olena, 0);
        await _host.VoteAsync(poll, taras, 0);
        await _host.VoteAsync(poll, iryna, 1);

        using var response = await _host.GetAsync("/api/v1/polls/p1/results", _key);

        var text = await response.Content.ReadAsStringAsync(Ct);
        var results = JsonDocument.Parse(text).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, results.GetProperty("voters").GetInt32());
        Assert.Equal(
            [("Так", 2, 67), ("Ні", 1, 33), ("Не знаю", 0, 0)],
            results.GetProperty("options").EnumerateArray().Select(option =>
                (option.GetProperty("option").GetString(), option.GetProperty("count").GetInt32(), option.GetProperty("percent").GetInt32())));
        Assert.Equal(["options", "pollId", "question", "status", "voters"], results.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("r-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosePoll_Open_ReadsClosedAtOnceAndAgainChangesNothing()
    {
        await _host.PollAsync("p1");

        using var closed = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls/p1/close", _key);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        using var again = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls/p1/close", _key);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await _host.Get<IPollStore>().GetAsync("p1", Ct);
        Assert.Equal(ApiHost.StartTime, stored?.ClosesAt);
        Assert.False(stored!.IsOpenAt(ApiHost.StartTime));
    }

    [Fact]
    public async Task ClosePoll_Proposal_Answers409Problem()
    {
        await _host.PollAsync("p1", status: PollStatus.Proposed);

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/polls/p1/close", _key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListPolls_BadFilters_Answers400NamingThem()
    {
        using var response = await _host.GetAsync("/api/v1/polls?community=atlantis&status=maybe&limit=0&offset=-1", _key);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["community", "limit", "offset", "status"],
            problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListPolls_ByStatus_ClosedIncludesThosePastTheirClosingTime()
    {
        await _host.PollAsync("open");
        await _host.PollAsync("due", closesIn: TimeSpan.FromMinutes(-1));
        await _host.PollAsync("proposed", status: PollStatus.Proposed);

        using var closed = await _host.GetAsync("/api/v1/polls?status=closed", _key);

        var page = await closed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("due", "closed"), (item.GetProperty("id").GetString(), item.GetProperty("status").GetString()));
    }
}
