using Hromada.Core.Communities;
using Hromada.Core.Polls;

namespace Hromada.Persistence.Tests;

/// <summary>The poll and ballot reads of participation figures, results by group and the data export.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ListPutToVoteAsync_Communities_ReturnsTheirOpenAndClosedPollsOnly()
    {
        await Polls.SaveAsync(OpenPoll("open"), Ct);
        await Polls.SaveAsync(OpenPoll("closed") with { Status = PollStatus.Closed }, Ct);
        await Polls.SaveAsync(OpenPoll("national", Community.NationalId), Ct);
        await Polls.SaveAsync(OpenPoll("lviv", "lviv"), Ct);
        await Polls.SaveAsync(OpenPoll("proposed") with { Status = PollStatus.Proposed }, Ct);
        await Polls.SaveAsync(OpenPoll("rejected") with { Status = PollStatus.Rejected }, Ct);

        var found = await Polls.ListPutToVoteAsync(["kamianske", Community.NationalId], Ct);

        Assert.Equal(["closed", "national", "open"], found.Select(poll => poll.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListPutToVoteAsync_NoCommunitiesGiven_ReturnsThoseOfEveryCommunity()
    {
        await Polls.SaveAsync(OpenPoll("open"), Ct);
        await Polls.SaveAsync(OpenPoll("lviv", "lviv") with { Status = PollStatus.Closed }, Ct);
        await Polls.SaveAsync(OpenPoll("proposed") with { Status = PollStatus.Proposed }, Ct);

        var found = await Polls.ListPutToVoteAsync(null, Ct);

        Assert.Equal(["lviv", "open"], found.Select(poll => poll.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAuthoredSinceAsync_AnyStatus_ReturnsAuthoredPollsFromThatMoment()
    {
        var since = VoteTime.AddDays(-10);
        await Polls.SaveAsync(OpenPoll("proposed") with { Status = PollStatus.Proposed, AuthorResidentId = "r1", CreatedAt = since }, Ct);
        await Polls.SaveAsync(OpenPoll("rejected") with { Status = PollStatus.Rejected, AuthorResidentId = "r2", CreatedAt = since.AddDays(1) }, Ct);
        await Polls.SaveAsync(OpenPoll("older") with { AuthorResidentId = "r1", CreatedAt = since.AddTicks(-TimeSpan.TicksPerMillisecond) }, Ct);
        await Polls.SaveAsync(OpenPoll("anonymous") with { CreatedAt = since.AddDays(2) }, Ct);

        var everyone = await Polls.ListAuthoredSinceAsync(since, null, Ct);
        var mine = await Polls.ListAuthoredSinceAsync(since, "r1", Ct);

        Assert.Equal(["proposed", "rejected"], everyone.Select(poll => poll.Id).Order(StringComparer.Ordinal));
        Assert.Equal("proposed", Assert.Single(mine).Id);
    }

    [Fact]
    public async Task ListByResidentAsync_SeveralPolls_ReturnsOnlyTheResidentsBallots()
    {
        await Ballots.CastAsync("p1", "r1", [0], VoteTime, Ct);
        await Ballots.CastAsync("p1", "r1", [1], VoteTime.AddHours(1), Ct);
        await Ballots.CastAsync("p2", "r1", [0, 1], VoteTime, Ct);
        await Ballots.CastAsync("p1", "r2", [0], VoteTime, Ct);

        var mine = await Ballots.ListByResidentAsync("r1", Ct);

        Assert.Equal([("p1", 1), ("p2", 0)], mine.Select(ballot => (ballot.PollId, ballot.Changes)).Order());
        Assert.Equal([0, 1], mine.Single(ballot => ballot.PollId == "p2").Choices);
        Assert.Empty(await Ballots.ListByResidentAsync("r3", Ct));
    }

    [Fact]
    public async Task ListByPollAsync_SeveralPolls_StreamsEveryBallotOfThePollOnly()
    {
        for (var i = 0; i < 30; i++)
        {
            await Ballots.CastAsync("p1", $"r{i}", [i % 2], VoteTime, Ct);
        }

        await Ballots.CastAsync("p2", "r0", [1], VoteTime, Ct);

        var listed = await Ballots.ListByPollAsync("p1", Ct).ToListAsync(Ct);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"r{i}").Order(), listed.Select(ballot => ballot.ResidentId).Order());
        Assert.All(listed, ballot => Assert.Equal("p1", ballot.PollId));
        Assert.Equal(15, listed.Count(ballot => ballot.Choices.SequenceEqual([1])));
    }
}
