using Hromada.Core.Polls;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static Poll ThreeOptions => OpenPoll("p1") with { Options = ["A", "B", "C"] };

    [Fact]
    public async Task CastAsync_FirstCast_StoresBallotWithoutChanges()
    {
        var ballot = await Ballots.CastAsync("p1", "r1", [1], VoteTime, Ct);

        var found = await Ballots.FindAsync("p1", "r1", Ct);

        Assert.Equal(("p1", "r1", 0, VoteTime), (ballot.PollId, ballot.ResidentId, ballot.Changes, ballot.CastAt));
        Assert.NotNull(found);
        Assert.Equal([1], found.Choices);
        Assert.Equal((0, VoteTime), (found.Changes, found.CastAt));
    }

    [Fact]
    public async Task CastAsync_SameChoicesAgain_KeepsTheBallotUnchanged()
    {
        await Ballots.CastAsync("p1", "r1", [0, 2], VoteTime, Ct);

        var again = await Ballots.CastAsync("p1", "r1", [2, 0, 2], VoteTime.AddHours(1), Ct);

        Assert.Equal([0, 2], again.Choices);
        Assert.Equal((0, VoteTime), (again.Changes, again.CastAt));
        Assert.Equal(1, await Ballots.CountAsync("p1", Ct));
    }

    [Fact]
    public async Task CastAsync_OtherChoices_ReplacesThemAndCountsEachChange()
    {
        await Ballots.CastAsync("p1", "r1", [0], VoteTime, Ct);
        await Ballots.CastAsync("p1", "r1", [1], VoteTime.AddHours(1), Ct);

        var back = await Ballots.CastAsync("p1", "r1", [0], VoteTime.AddHours(2), Ct);

        var found = await Ballots.FindAsync("p1", "r1", Ct);
        Assert.Equal((2, VoteTime.AddHours(2)), (back.Changes, back.CastAt));
        Assert.Equal([0], found!.Choices);
        Assert.Equal((2, VoteTime.AddHours(2)), (found.Changes, found.CastAt));
        Assert.Equal(1, await Ballots.CountAsync("p1", Ct));
    }

    [Fact]
    public async Task CastAsync_HundredConcurrentCastsByOneResident_LeavesOneUnchangedBallot()
    {
        await RunConcurrentlyAsync(100, _ => Ballots.CastAsync("p1", "r1", [1], VoteTime, Ct));

        var tally = await Ballots.TallyAsync(ThreeOptions, Ct);

        Assert.Equal(1, await Ballots.CountAsync("p1", Ct));
        Assert.Equal(0, (await Ballots.FindAsync("p1", "r1", Ct))!.Changes);
        Assert.Equal([0, 1, 0], tally.Counts);
        Assert.Equal(1, tally.Voters);
    }

    [Fact]
    public async Task CastAsync_HundredConcurrentDifferingCastsByOneResident_LeavesOneBallotWithTheLatestChange()
    {
        var results = await RunConcurrentlyAsync(100, i => Ballots.CastAsync("p1", "r1", [i % 3], VoteTime, Ct));

        var stored = await Ballots.FindAsync("p1", "r1", Ct);
        var tally = await Ballots.TallyAsync(ThreeOptions, Ct);

        Assert.Equal(1, await Ballots.CountAsync("p1", Ct));
        var latest = results.MaxBy(ballot => ballot.Changes)!;
        Assert.Equal((latest.Changes, latest.Choices[0]), (stored!.Changes, stored.Choices[0]));
        Assert.InRange(stored.Changes, 1, 99);
        Assert.Equal(1, tally.Voters);
        Assert.Equal(1, tally.Counts.Sum());
        Assert.Equal(1, tally.Counts[stored.Choices[0]]);
    }

    [Fact]
    public async Task TallyAsync_AfterASequenceOfCastsAndChanges_EqualsTheBallots()
    {
        var random = new Random(20260510);
        var last = new Dictionary<string, IReadOnlyList<int>>();
        for (var cast = 0; cast < 200; cast++)
        {
            var resident = $"r{random.Next(25)}";
            IReadOnlyList<int> choices = [.. Enumerable.Range(0, 3).Where(_ => random.Next(2) == 0).DefaultIfEmpty(random.Next(3))];
            await Ballots.CastAsync("p1", resident, choices, VoteTime.AddMinutes(cast), Ct);
            last[resident] = choices;
        }

        await Ballots.CastAsync("p2", "r1", [0], VoteTime, Ct);

        var tally = await Ballots.TallyAsync(ThreeOptions, Ct);
        var expected = Enumerable.Range(0, 3).Select(option => last.Values.Count(choices => choices.Contains(option)));
        Assert.Equal(expected, tally.Counts);
        Assert.Equal(last.Count, tally.Voters);
        Assert.Equal(last.Count, await Ballots.CountAsync("p1", Ct));
    }

    [Fact]
    public async Task TallyAsync_ConcurrentCastsByManyResidents_EqualsTheBallots()
    {
        await RunConcurrentlyAsync(60, i => Ballots.CastAsync("p1", $"r{i % 20}", [i % 3], VoteTime, Ct));

        var tally = await Ballots.TallyAsync(ThreeOptions, Ct);

        var ballots = new List<Ballot>();
        for (var resident = 0; resident < 20; resident++)
        {
            ballots.Add((await Ballots.FindAsync("p1", $"r{resident}", Ct))!);
        }

        Assert.Equal(20, tally.Voters);
        Assert.Equal(Enumerable.Range(0, 3).Select(option => ballots.Count(b => b.Choices.Contains(option))), tally.Counts);
    }

    [Fact]
    public async Task TallyAsync_NoBallots_ReturnsZeroPerOption()
    {
        var tally = await Ballots.TallyAsync(ThreeOptions, Ct);

        Assert.Equal([0, 0, 0], tally.Counts);
        Assert.Equal(0, tally.Voters);
    }

    [Fact]
    public async Task FindAsync_AnotherResidentsBallot_ReturnsNull()
    {
        await Ballots.CastAsync("p1", "r1", [0], VoteTime, Ct);

        var found = await Ballots.FindAsync("p1", "r2", Ct);

        Assert.Null(found);
    }
}
