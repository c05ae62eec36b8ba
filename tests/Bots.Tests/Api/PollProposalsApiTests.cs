using System.Net;
using Hromada.Core.ApiKeys;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Bots.Tests.Api;

/// <summary>/api/v1/poll-proposals end to end: the queue and the decisions of /moderate, told to the author, audited under the key.</summary>
public sealed class PollProposalsApiTests : IAsyncLifetime
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

    private static DateTimeOffset InAWeek => ApiHost.StartTime.AddDays(7);

    [Fact]
    public async Task ApprovePollProposal_Waiting_OpensItTellsTheAuthorAndAuditsTheKey()
    {
        await _host.ProposalAsync("p1", _author);

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/approve", _key, new { closesAt = InAWeek });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var poll = await response.JsonAsync();
        Assert.Equal(("open", InAWeek), (poll.GetProperty("status").GetString(), poll.GetProperty("closesAt").GetDateTimeOffset()));
        var stored = await _host.Get<IPollStore>().GetAsync("p1", ApiHost.Cancellation);
        Assert.Equal((PollStatus.Open, ApiHost.StartTime, InAWeek), (stored!.Status, stored.OpensAt, stored.ClosesAt));
        Assert.Equal(
            Texts.Get(Language.Uk, "Moderate_ApprovedNotice", ModerationApiFixtures.ProposalQuestion, KyivTime.Format(InAWeek)),
            Assert.Single(await _host.MessagesToAsync(_author)).Reply.Text);
        var audited = Assert.Single(await _host.AuditAsync());
        Assert.Equal(
            (ModerationApiFixtures.ActorOf(_key), AuditActions.PollApproved, "poll:p1", "kamianske"),
            (audited.Actor.Id, audited.Action, audited.Target, audited.CommunityId));
    }

    [Fact]
    public async Task RejectPollProposal_WithAReason_TellsTheAuthorWhyAndAuditsIt()
    {
        await _host.ProposalAsync("p1", _author);

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/reject", _key, new { reason = "Таке опитування вже було." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rejected", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(PollStatus.Rejected, (await _host.Get<IPollStore>().GetAsync("p1", ApiHost.Cancellation))!.Status);
        Assert.Equal(
            Texts.Get(Language.Uk, "Moderate_RejectedNotice", ModerationApiFixtures.ProposalQuestion, "Таке опитування вже було."),
            Assert.Single(await _host.MessagesToAsync(_author)).Reply.Text);
        var audited = Assert.Single(await _host.AuditAsync());
        Assert.Equal((ModerationApiFixtures.ActorOf(_key), AuditActions.PollRejected), (audited.Actor.Id, audited.Action));
        Assert.Contains("Таке опитування вже було.", audited.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollProposal_DecidedAlready_Answers409SayingWhatItIsNow()
    {
        await _host.ProposalAsync("p1", _author);
        (await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/approve", _key, new { closesAt = InAWeek })).Dispose();

        using var approveAgain = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/approve", _key, new { closesAt = InAWeek });
        using var reject = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/reject", _key, new { reason = "Передумали, не на часі." });

        Assert.All([approveAgain, reject], response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        Assert.Equal(
            "The poll is open; only a proposal waiting for moderation can be approved or rejected.",
            (await reject.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(PollStatus.Open, (await _host.Get<IPollStore>().GetAsync("p1", ApiHost.Cancellation))!.Status);
        Assert.Single(await _host.MessagesToAsync(_author));
        Assert.Single(await _host.AuditAsync());
    }

    [Fact]
    public async Task PollProposal_TwoKeysApproveAndRejectAtOnce_OneWinsTheOtherGets409()
    {
        await _host.ProposalAsync("p1", _author);
        var other = await _host.KeyAsync(ApiKey.AllCommunities);

        var responses = await Task.WhenAll(
            _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/approve", _key, new { closesAt = InAWeek }),
            _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/reject", other, new { reason = "Таке опитування вже було." }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(response => response.StatusCode).Order());
        Assert.Single(await _host.MessagesToAsync(_author));
        Assert.Single(await _host.AuditAsync());
        Array.ForEach(responses, response => response.Dispose());
    }

    [Fact]
    public async Task PollProposal_InvalidRequests_Answers400NamingTheFields()
    {
        await _host.ProposalAsync("p1", _author);

        using var soon = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/approve", _key, new { closesAt = ApiHost.StartTime.AddMinutes(30) });
        using var noClosing = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/approve", _key, new { });
        using var noReason = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/reject", _key, new { });
        using var shortReason = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/p1/reject", _key, new { reason = "ні" });

        Assert.All([soon, noClosing, noReason, shortReason], response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Equal(
            Texts.Get(Language.En, "Problem_ClosingTimeTooSoon"),
            (await soon.JsonAsync()).GetProperty("errors").GetProperty("closesAt")[0].GetString());
        Assert.Equal(["closesAt"], await noClosing.ErrorFieldsAsync());
        Assert.Equal(["reason"], await noReason.ErrorFieldsAsync());
        Assert.Equal(["reason"], await shortReason.ErrorFieldsAsync());
        Assert.Equal(PollStatus.Proposed, (await _host.Get<IPollStore>().GetAsync("p1", ApiHost.Cancellation))!.Status);
    }

    [Fact]
    public async Task ListPollProposals_OfTheKeysCommunities_OldestFirstWithoutBlockedAuthorsAndPaged()
    {
        var troll = await _host.ResidentAsync("troll");
        await _host.BlockAsync(troll);
        await _host.ProposalAsync("newer", _author, age: TimeSpan.FromHours(1));
        await _host.ProposalAsync("older", _author, age: TimeSpan.FromHours(5));
        await _host.ProposalAsync("oldest", _author, age: TimeSpan.FromHours(9));
        await _host.ProposalAsync("hidden", troll, age: TimeSpan.FromHours(3));
        await _host.ProposalAsync("lviv", _author, communityId: "lviv");
        await _host.PollAsync("open-poll");

        using var all = await _host.GetAsync("/api/v1/poll-proposals", _key);
        using var page = await _host.GetAsync("/api/v1/poll-proposals?offset=1&limit=1", _key);
        using var hiddenApproved = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/hidden/approve", _key, new { closesAt = InAWeek });

        Assert.Equal(["oldest", "older", "newer"], (await all.JsonAsync()).Ids());
        Assert.Equal(["older"], (await page.JsonAsync()).Ids());
        Assert.Equal(HttpStatusCode.NotFound, hiddenApproved.StatusCode);
        Assert.DoesNotContain(_author.Id, await all.Content.ReadAsStringAsync(ApiHost.Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollProposals_KeyOfAnotherCommunity_Answers403AndTheAttemptsAreAudited()
    {
        await _host.ProposalAsync("lviv", _author, communityId: "lviv");

        using var list = await _host.GetAsync("/api/v1/poll-proposals?community=lviv", _key);
        using var approve = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/lviv/approve", _key, new { closesAt = InAWeek });
        using var reject = await _host.SendAsync(HttpMethod.Post, "/api/v1/poll-proposals/lviv/reject", _key, new { reason = "Не стосується громади." });

        Assert.All([list, approve, reject], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.Equal(PollStatus.Proposed, (await _host.Get<IPollStore>().GetAsync("lviv", ApiHost.Cancellation))!.Status);
        Assert.Equal([AuditActions.Refused, AuditActions.Refused], (await _host.AuditAsync()).Select(entry => entry.Action));
        Assert.Empty(await _host.MessagesToAsync(_author));
    }

    [Theory]
    [InlineData("/api/v1/poll-proposals/nope/approve")]
    [InlineData("/api/v1/poll-proposals/nope/reject")]
    public async Task PollProposal_Unknown_Answers404Problem(string path)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, path, _key, new { closesAt = InAWeek, reason = "Таке опитування вже було." });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no poll proposal with the id 'nope'.", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/poll-proposals")]
    [InlineData("POST", "/api/v1/poll-proposals/p1/approve")]
    [InlineData("POST", "/api/v1/poll-proposals/p1/reject")]
    public async Task PollProposals_NoKey_Answers401(string method, string path)
    {
        await _host.ProposalAsync("p1", _author);

        using var response = await _host.SendAsync(new HttpMethod(method), path, key: null, new { closesAt = InAWeek, reason = "Таке опитування вже було." });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(PollStatus.Proposed, (await _host.Get<IPollStore>().GetAsync("p1", ApiHost.Cancellation))!.Status);
    }
}
