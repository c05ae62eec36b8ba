using System.Net;
using Hromada.Core.ApiKeys;
using Hromada.Core.Ideas;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;

namespace Hromada.Bots.Tests.Api;

/// <summary>/api/v1/ideas end to end: the moderation steps of /moderate, told to the author and supporters, audited under the key.</summary>
public sealed class IdeasApiTests : IAsyncLifetime
{
    private readonly ApiHost _host = ApiHost.Start();
    private string _key = "";
    private Resident _author = null!;

    public async ValueTask InitializeAsync()
    {
        _key = await _host.KeyAsync("kamianske");
        _author = await _host.ResidentAsync("taras");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task MoveIdea_PublishAProposal_StoresTellsTheAuthorAndAuditsTheKey()
    {
        await _host.IdeaAsync("i1", _author);

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { status = "published" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var idea = await response.JsonAsync();
        Assert.Equal(("published", "underConsideration"), (idea.GetProperty("status").GetString(), idea.GetProperty("nextStatuses")[0].GetString()));
        var stored = await _host.Get<IIdeaStore>().GetAsync("i1", ApiHost.Cancellation);
        Assert.Equal(IdeaStatus.Published, stored!.Status);
        Assert.Equal(new IdeaStatusChange(IdeaStatus.Published, ApiHost.StartTime, ModerationApiFixtures.ActorOf(_key)), stored.History[^1]);
        var notice = Assert.Single(await _host.MessagesToAsync(_author));
        Assert.Equal(Texts.Get(Language.Uk, "Ideas_NoticePublished", ModerationApiFixtures.IdeaTitle), notice.Reply.Text);
        var audited = Assert.Single(await _host.AuditAsync());
        Assert.Equal(
            (ModerationApiFixtures.ActorOf(_key), AuditActions.IdeaPublished, "idea:i1", "kamianske"),
            (audited.Actor.Id, audited.Action, audited.Target, audited.CommunityId));
    }

    [Fact]
    public async Task MoveIdea_RejectWithAReason_TellsTheAuthorWhyAndAuditsTheReason()
    {
        await _host.IdeaAsync("i1", _author);

        using var response = await _host.SendAsync(
            HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { status = "rejected", reason = "  Це вже є в міській програмі.  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var idea = await response.JsonAsync();
        Assert.Equal(("rejected", "Це вже є в міській програмі."), (idea.GetProperty("status").GetString(), idea.GetProperty("rejectionReason").GetString()));
        Assert.Equal(0, idea.GetProperty("nextStatuses").GetArrayLength());
        var notice = Assert.Single(await _host.MessagesToAsync(_author));
        Assert.Equal(Texts.Get(Language.Uk, "Ideas_NoticeRejected", ModerationApiFixtures.IdeaTitle, "Це вже є в міській програмі."), notice.Reply.Text);
        var audited = Assert.Single(await _host.AuditAsync());
        Assert.Equal(AuditActions.IdeaRejected, audited.Action);
        Assert.Contains("Це вже є в міській програмі.", audited.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveIdea_PublishedToUnderConsideration_TellsTheAuthorAndEverySupporter()
    {
        await _host.IdeaAsync("i1", _author, status: IdeaStatus.Published);
        var supporter = await _host.ResidentAsync("olena", language: Language.En);
        await _host.Get<IIdeaStore>().SupportAsync("i1", supporter.Id, ApiHost.StartTime, ApiHost.Cancellation);

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { status = "underConsideration" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("supporters").GetInt32());
        var status = Texts.Get(Language.En, "IdeaStatus_UnderConsideration");
        Assert.Equal(
            Texts.Get(Language.En, "Ideas_NoticeSupporter", ModerationApiFixtures.IdeaTitle, status),
            Assert.Single(await _host.MessagesToAsync(supporter)).Reply.Text);
        Assert.Equal(
            Texts.Get(Language.Uk, "Ideas_NoticeAuthor", ModerationApiFixtures.IdeaTitle, Texts.Get(Language.Uk, "IdeaStatus_UnderConsideration")),
            Assert.Single(await _host.MessagesToAsync(_author)).Reply.Text);
        Assert.Equal(AuditActions.IdeaMoved, Assert.Single(await _host.AuditAsync()).Action);
    }

    [Theory]
    [InlineData(IdeaStatus.Published, "accepted", "The idea is published; it can move to underConsideration only.")]
    [InlineData(IdeaStatus.Rejected, "published", "The idea is rejected, which is final.")]
    [InlineData(IdeaStatus.Accepted, "accepted", "The idea is accepted already.")]
    public async Task MoveIdea_StepTheStatusDoesNotAllow_Answers409SayingWhereItStands(IdeaStatus current, string requested, string detail)
    {
        await _host.IdeaAsync("i1", _author, status: current);

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { status = requested });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(detail, (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(current, (await _host.Get<IIdeaStore>().GetAsync("i1", ApiHost.Cancellation))!.Status);
        Assert.Empty(await _host.AuditAsync());
    }

    [Fact]
    public async Task MoveIdea_TwoKeysDecideAtOnce_OneWinsTheOtherGets409AndTheAuthorOneNotice()
    {
        await _host.IdeaAsync("i1", _author);
        var other = await _host.KeyAsync("kamianske");

        var responses = await Task.WhenAll(
            _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { status = "published" }),
            _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", other, new { status = "rejected", reason = "Не стосується громади." }));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Conflict],
            responses.Select(response => response.StatusCode).Order());
        Assert.Single(await _host.MessagesToAsync(_author));
        Assert.Single(await _host.AuditAsync());
        Array.ForEach(responses, response => response.Dispose());
    }

    [Fact]
    public async Task MoveIdea_InvalidRequests_Answers400NamingTheFields()
    {
        await _host.IdeaAsync("i1", _author);

        using var noReason = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { status = "rejected" });
        using var shortReason = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { status = "rejected", reason = "ні" });
        using var unknown = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { status = "proposed", reason = "Чому б і ні" });
        using var empty = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/i1/status", _key, new { });

        Assert.All([noReason, shortReason, unknown, empty], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        Assert.Equal(
            Texts.Get(Language.En, "Problem_ReasonLength"),
            (await shortReason.JsonAsync()).GetProperty("errors").GetProperty("reason")[0].GetString());
        var unknownProblem = await unknown.JsonAsync();
        Assert.Equal(["reason", "status"], unknownProblem.ErrorFields());
        Assert.Equal(
            "The status must be published, underConsideration, accepted, implemented or rejected.",
            unknownProblem.GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.Equal(["status"], await empty.ErrorFieldsAsync());
        Assert.Equal(IdeaStatus.Proposed, (await _host.Get<IIdeaStore>().GetAsync("i1", ApiHost.Cancellation))!.Status);
    }

    [Fact]
    public async Task Ideas_KeyOfAnotherCommunity_Answers403AndTheAttemptIsAudited()
    {
        await _host.IdeaAsync("lviv-idea", _author, communityId: "lviv");

        using var get = await _host.GetAsync("/api/v1/ideas/lviv-idea", _key);
        using var move = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/lviv-idea/status", _key, new { status = "published" });
        using var list = await _host.GetAsync("/api/v1/ideas?community=lviv", _key);

        Assert.All([get, move, list], response =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(IdeaStatus.Proposed, (await _host.Get<IIdeaStore>().GetAsync("lviv-idea", ApiHost.Cancellation))!.Status);
        Assert.All(await _host.AuditAsync(), entry =>
            Assert.Equal((ModerationApiFixtures.ActorOf(_key), AuditActions.Refused, "lviv"), (entry.Actor.Id, entry.Action, entry.CommunityId)));
        Assert.Equal(2, (await _host.AuditAsync()).Count);
    }

    [Theory]
    [InlineData("GET", "/api/v1/ideas/nope")]
    [InlineData("POST", "/api/v1/ideas/nope/status")]
    public async Task Idea_Unknown_Answers404Problem(string method, string path)
    {
        using var response = await _host.SendAsync(new HttpMethod(method), path, _key, new { status = "published" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no idea with the id 'nope'.", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Idea_ProposalOfABlockedAuthor_NotListedNotFoundAndNotPublished()
    {
        var troll = await _host.ResidentAsync("troll");
        await _host.BlockAsync(troll);
        await _host.IdeaAsync("hidden", troll);
        await _host.IdeaAsync("visible", _author);

        using var list = await _host.GetAsync("/api/v1/ideas?status=proposed", _key);
        using var get = await _host.GetAsync("/api/v1/ideas/hidden", _key);
        using var publish = await _host.SendAsync(HttpMethod.Post, "/api/v1/ideas/hidden/status", _key, new { status = "published" });

        Assert.Equal(["visible"], (await list.JsonAsync()).Ids());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        Assert.Equal(IdeaStatus.Proposed, (await _host.Get<IIdeaStore>().GetAsync("hidden", ApiHost.Cancellation))!.Status);
        Assert.Empty(await _host.AuditAsync());
    }

    [Fact]
    public async Task ListIdeas_ByStatusAndPage_NewestFirstWithTalliesAndNoResident()
    {
        for (var i = 0; i < 4; i++)
        {
            await _host.IdeaAsync($"p{i}", _author, status: IdeaStatus.Published, age: TimeSpan.FromHours(10 - i));
        }

        await _host.IdeaAsync("proposed", _author);
        await _host.IdeaAsync("lviv", _author, communityId: "lviv", status: IdeaStatus.Published);
        var supporter = await _host.ResidentAsync("olena");
        await _host.Get<IIdeaStore>().SupportAsync("p2", supporter.Id, ApiHost.StartTime, ApiHost.Cancellation);
        await _host.Get<IIdeaStore>().RateAsync("p2", supporter.Id, 4, ApiHost.StartTime, ApiHost.Cancellation);

        using var first = await _host.GetAsync("/api/v1/ideas?status=published&limit=2", _key);
        using var second = await _host.GetAsync("/api/v1/ideas?status=published&offset=2&limit=2", _key);
        using var all = await _host.GetAsync("/api/v1/ideas", await _host.KeyAsync(ApiKey.AllCommunities));

        var page = await first.JsonAsync();
        Assert.Equal(["p3", "p2"], page.Ids());
        Assert.Equal((2, 0, 2), (page.GetProperty("limit").GetInt32(), page.GetProperty("offset").GetInt32(), page.GetProperty("items").GetArrayLength()));
        var supported = page.GetProperty("items")[1];
        Assert.Equal((1, 4.0), (supported.GetProperty("supporters").GetInt32(), supported.GetProperty("averageRating").GetDouble()));
        Assert.Equal(["published"], supported.GetProperty("history").EnumerateArray().Skip(1).Select(step => step.GetProperty("status").GetString()));
        Assert.Equal(["p1", "p0"], (await second.JsonAsync()).Ids());
        Assert.Equal(6, (await all.JsonAsync()).GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(_author.Id, await first.Content.ReadAsStringAsync(ApiHost.Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIdeas_BadFilters_Answers400NamingThem()
    {
        using var response = await _host.GetAsync("/api/v1/ideas?community=atlantis&status=maybe&limit=500&offset=-1", _key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["community", "limit", "offset", "status"], await response.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("GET", "/api/v1/ideas")]
    [InlineData("GET", "/api/v1/ideas/i1")]
    [InlineData("POST", "/api/v1/ideas/i1/status")]
    public async Task Ideas_NoKey_Answers401(string method, string path)
    {
        await _host.IdeaAsync("i1", _author);

        using var response = await _host.SendAsync(new HttpMethod(method), path, key: null, new { status = "published" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(IdeaStatus.Proposed, (await _host.Get<IIdeaStore>().GetAsync("i1", ApiHost.Cancellation))!.Status);
    }
}
