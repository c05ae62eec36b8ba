using Hromada.Core.Communities;
using Hromada.Core.Ideas;
using Hromada.Core.Residents;
using Hromada.Core.Statuses;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Statuses;

/// <summary>One resident's figures read from the real stores, and the statuses they earn under the default rules.</summary>
public sealed class ParticipationReaderTests : IDisposable
{
    private static readonly StatusRules Rules = new();
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(StatusWorld.Now);

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(10, 4, ResidentStatus.Registered)]
    [InlineData(10, 5, ResidentStatus.Registered)] // exactly 50% is not "more than 50%"
    [InlineData(100, 51, ResidentStatus.Responsible)]
    public async Task ReadAsync_ShareOfOpenPollsAnswered_ResponsibleOnlyAboveHalf(int open, int answered, ResidentStatus expected)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var olena = await world.ResidentAsync("olena");
        var polls = await world.PollsAsync(open);
        foreach (var poll in polls.Take(answered))
        {
            await world.VoteAsync(poll.Id, "olena", 0);
        }

        var figures = await ReadAsync(bot, olena);

        Assert.Equal((open, answered, answered), (figures.Overall.PollsOpen, figures.Overall.PollsAnswered, figures.Overall.PollsAnsweredUnchanged));
        Assert.Equal(open - answered, figures.OpenUnanswered);
        Assert.Equal(expected, Rules.StatusFor(figures.Overall));
    }

    [Fact]
    public async Task ReadAsync_AllAnsweredAndProposedMonthly_LocalExpert()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var olena = await world.ResidentAsync("olena");
        foreach (var poll in await world.PollsAsync(4))
        {
            await world.VoteAsync(poll.Id, "olena", 0);
        }

        await world.ProposeEveryMonthAsync("olena");

        var figures = await ReadAsync(bot, olena);

        Assert.Equal((3, 3), (figures.Overall.MonthsConsidered, figures.Overall.MonthsWithProposal));
        Assert.Equal(ResidentStatus.LocalExpert, Rules.StatusFor(figures.Overall));
    }

    [Fact]
    public async Task ReadAsync_OneOfFourVotesChanged_AnsweredButNotUnchangedSoNoExpert()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var olena = await world.ResidentAsync("olena");
        var polls = await world.PollsAsync(4);
        foreach (var poll in polls.Skip(1))
        {
            await world.VoteAsync(poll.Id, "olena", 0);
        }

        await world.VoteAndChangeAsync(polls[0].Id, "olena");
        await world.ProposeEveryMonthAsync("olena");

        var figures = await ReadAsync(bot, olena);

        Assert.Equal((4, 4, 3), (figures.Overall.PollsOpen, figures.Overall.PollsAnswered, figures.Overall.PollsAnsweredUnchanged));
        Assert.Equal(ResidentStatus.Responsible, Rules.StatusFor(figures.Overall)); // 75% unchanged is not "more than 75%"
    }

    [Fact]
    public async Task ReadAsync_ClosedPolls_CountsAgreementOnlyWhereAMajorityExists()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var olena = await world.ResidentAsync("olena");
        var closed = StatusWorld.Now.AddDays(-1);
        await world.PollAsync("agrees", closesAt: closed);
        await world.PollAsync("tie", closesAt: closed);
        await world.PollAsync("disagrees", closesAt: closed);
        await world.PollAsync("open");
        await VotesAsync(world, "agrees", ("olena", 0), ("a", 0), ("b", 1));
        await VotesAsync(world, "tie", ("olena", 0), ("a", 1));
        await VotesAsync(world, "disagrees", ("olena", 2), ("a", 1), ("b", 1));
        await VotesAsync(world, "open", ("olena", 2), ("a", 1), ("b", 1));

        var figures = await ReadAsync(bot, olena);

        Assert.Equal(4, figures.Overall.PollsAnswered);
        Assert.Equal((2, 1), (figures.Overall.ClosedPollsAnswered, figures.Overall.ClosedPollsWithMajority));
        Assert.False(figures.Overall.MostlyWithMajority);
    }

    [Fact]
    public async Task ReadAsync_RegisteredMidPoll_CountsPollsOpenSinceButNotThoseClosedBeforeOrNotYetOpen()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var joined = new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
        var olena = await world.ResidentAsync("olena", joined);
        await world.PollAsync("running-at-joining", opensAt: joined.AddDays(-9), closesAt: joined.AddDays(5));
        await world.PollAsync("closed-before-joining", opensAt: joined.AddDays(-40), closesAt: joined.AddHours(-1));
        await world.PollAsync("opens-tomorrow", opensAt: StatusWorld.Now.AddDays(1));
        await world.PollAsync("open-now", opensAt: joined.AddDays(3));
        await world.VoteAsync("running-at-joining", "olena", 1);

        var figures = await ReadAsync(bot, olena);

        Assert.Equal((2, 1), (figures.Overall.PollsOpen, figures.Overall.PollsAnswered));
        Assert.Equal(1, figures.OpenUnanswered);
        Assert.Equal(1, figures.Overall.MonthsConsidered);
    }

    [Fact]
    public async Task ReadAsync_PollsOfOtherPlaces_CountsOwnCommunityAndNationalOnly()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var olena = await world.ResidentAsync("olena");
        await world.PollAsync("local");
        await world.PollAsync("national", community: Community.NationalId);
        await world.PollAsync("lviv", community: "lviv");
        await world.VoteAsync("lviv", "olena", 0); // from before a move, say: not one of her polls now

        var figures = await ReadAsync(bot, olena);

        Assert.Equal((2, 0), (figures.Overall.PollsOpen, figures.Overall.PollsAnswered));
    }

    [Fact]
    public async Task ReadAsync_PollsAndProposalsWithSpheres_FiguresPerSphere()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var olena = await world.ResidentAsync("olena");
        await world.PollAsync("eco1", spheres: ["ecology"]);
        await world.PollAsync("eco-transport", spheres: ["ecology", "transport"]);
        await world.PollAsync("transport", spheres: ["transport"]);
        await world.PollAsync("no-sphere");
        await world.VoteAsync("eco1", "olena", 0);
        await world.VoteAsync("eco-transport", "olena", 0);
        await world.ProposeEveryMonthAsync("olena", "ecology");

        var figures = await ReadAsync(bot, olena);

        Assert.Equal(["ecology", "transport"], figures.BySphere.Keys.Order());
        var ecology = figures.BySphere["ecology"];
        var transport = figures.BySphere["transport"];
        Assert.Equal((2, 2, 3), (ecology.PollsOpen, ecology.PollsAnswered, ecology.MonthsWithProposal));
        Assert.Equal((2, 1, 0), (transport.PollsOpen, transport.PollsAnswered, transport.MonthsWithProposal));
        Assert.Equal(ResidentStatus.LocalExpert, Rules.StatusFor(ecology));
        Assert.Equal(ResidentStatus.Registered, Rules.StatusFor(transport));
        Assert.Equal((4, 2), (figures.Overall.PollsOpen, figures.Overall.PollsAnswered));
    }

    [Fact]
    public async Task ReadAsync_ProposalsInSomeMonths_CountsMonthsOfTheWindowOnly()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var olena = await world.ResidentAsync("olena", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await world.ProposeAsync("olena", new DateTimeOffset(2026, 8, 20, 0, 0, 0, TimeSpan.Zero));
        await world.ProposeAsync("olena", new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero));
        await world.ProposeAsync("olena", new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero));
        await world.ProposeAsync("taras", new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero));

        var figures = await ReadAsync(bot, olena);

        Assert.Equal((3, 1), (figures.Overall.MonthsConsidered, figures.Overall.MonthsWithProposal));
        Assert.False(figures.ProposedThisMonth);
    }

    [Fact]
    public async Task ReadAsync_IdeasInSomeMonths_CountAsProposalsInTheirSphere()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var olena = await world.ResidentAsync("olena", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var ideas = bot.Services<IIdeaStore>();
        await ideas.SaveAsync(Idea.Propose("i1", "kamianske", "ecology", "Сквер біля школи", "Опис ідеї, достатньо довгий.", null, "olena", new DateTimeOffset(2026, 10, 3, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        await ideas.SaveAsync(Idea.Propose("i2", "kamianske", "ecology", "Ще один сквер", "Опис ідеї, достатньо довгий.", null, "olena", new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None);

        var figures = await ReadAsync(bot, olena);

        Assert.Equal((3, 2), (figures.Overall.MonthsConsidered, figures.Overall.MonthsWithProposal));
        Assert.True(figures.ProposedThisMonth);
    }

    private static Task<ResidentFigures> ReadAsync(EngineHarness bot, Resident resident) =>
        bot.Services<ParticipationReader>().ReadAsync(resident, StatusWorld.Now, CancellationToken.None);

    private static async Task VotesAsync(StatusWorld world, string pollId, params (string Resident, int Option)[] votes)
    {
        foreach (var (resident, option) in votes)
        {
            await world.VoteAsync(pollId, resident, option);
        }
    }
}
