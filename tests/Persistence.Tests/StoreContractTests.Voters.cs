namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ListVoterIdsAsync_ManyBallots_EveryVoterOfThatPollOnce()
    {
        var voters = Enumerable.Range(0, 1203).Select(i => $"r{i:D5}").ToList();
        foreach (var resident in voters)
        {
            await Ballots.CastAsync("p1", resident, [0], VoteTime, Ct);
        }

        await Ballots.CastAsync("p0", "x1", [0], VoteTime, Ct);
        await Ballots.CastAsync("p2", "x2", [1], VoteTime, Ct);
        await Ballots.CastAsync("p1", voters[7], [1], VoteTime.AddMinutes(1), Ct);

        var listed = new List<string>();
        await foreach (var residentId in Ballots.ListVoterIdsAsync("p1", Ct))
        {
            listed.Add(residentId);
        }

        Assert.Equal(voters, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListVoterIdsAsync_NoBallots_ListsNothing()
    {
        await Ballots.CastAsync("p2", "r1", [0], VoteTime, Ct);

        var listed = new List<string>();
        await foreach (var residentId in Ballots.ListVoterIdsAsync("p1", Ct))
        {
            listed.Add(residentId);
        }

        Assert.Empty(listed);
    }

    [Fact]
    public async Task FindVotersAsync_SomeVoted_ReturnsThoseOfThatPoll()
    {
        await Ballots.CastAsync("p1", "r1", [0], VoteTime, Ct);
        await Ballots.CastAsync("p1", "r3", [1], VoteTime, Ct);
        await Ballots.CastAsync("p2", "r2", [0], VoteTime, Ct);

        var voters = await Ballots.FindVotersAsync("p1", ["r1", "r2", "r3", "r4"], Ct);

        Assert.Equal(["r1", "r3"], voters.Order(StringComparer.Ordinal));
    }
}
