using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Polls;

namespace Hromada.Core.Tests.Polls;

public sealed class PollTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Poll PollWith(PollStatus status, DateTimeOffset? opensAt, DateTimeOffset? closesAt) => new()
    {
        Id = "p1",
        CommunityId = "kamianske",
        Question = "Питання?",
        Options = ["Так", "Ні"],
        Status = status,
        OpensAt = opensAt,
        ClosesAt = closesAt,
    };

    [Theory]
    [InlineData(PollStatus.Open, 1, PollStatus.Open)]
    [InlineData(PollStatus.Open, 0, PollStatus.Closed)]
    [InlineData(PollStatus.Open, -1, PollStatus.Closed)]
    [InlineData(PollStatus.Proposed, -1, PollStatus.Proposed)]
    [InlineData(PollStatus.Rejected, 1, PollStatus.Rejected)]
    [InlineData(PollStatus.Closed, 1, PollStatus.Closed)]
    public void StatusAt_ClosingMinutesFromNow_TreatsAPassedClosingAsClosed(PollStatus stored, int closesInMinutes, PollStatus expected)
    {
        var poll = PollWith(stored, Now.AddDays(-1), Now.AddMinutes(closesInMinutes));

        var status = poll.StatusAt(Now);

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(-60, 60, true)]
    [InlineData(0, 60, true)]
    [InlineData(1, 60, false)]
    [InlineData(-60, 0, false)]
    public void IsOpenAt_OpeningAndClosingMinutesFromNow_OpenOnlyBetween(int opensInMinutes, int closesInMinutes, bool expected)
    {
        var poll = PollWith(PollStatus.Open, Now.AddMinutes(opensInMinutes), Now.AddMinutes(closesInMinutes));

        var open = poll.IsOpenAt(Now);

        Assert.Equal(expected, open);
    }

    [Fact]
    public void ScaleOptions_FiveOrTen_NumbersFromOne()
    {
        var five = Poll.ScaleOptions(5);
        var ten = Poll.ScaleOptions(10);

        Assert.Equal(["1", "2", "3", "4", "5"], five);
        Assert.Equal("10", ten[^1]);
        Assert.Equal(10, ten.Count);
    }

    [Fact]
    public void ScaleOptions_OtherTop_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Poll.ScaleOptions(7));

    [Fact]
    public void From_BallotChoices_CountsEachOptionAndEachVoterOnce()
    {
        IReadOnlyList<int>[] ballots = [[0], [0, 2], [2], [5]];

        var tally = PollTally.From(3, ballots);

        Assert.Equal([2, 0, 2], tally.Counts);
        Assert.Equal(4, tally.Voters);
        Assert.Equal(50, tally.PercentOf(0));
    }

    [Theory]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(0, 0, 0)]
    public void PercentOf_CountOfVoters_RoundsToWholePercent(int count, int voters, int expected)
    {
        var tally = new PollTally([count, 0], voters);

        var percent = tally.PercentOf(0);

        Assert.Equal(expected, percent);
    }

    [Theory]
    [InlineData(0, "░░░░░░░░░░")]
    [InlineData(4, "░░░░░░░░░░")]
    [InlineData(5, "█░░░░░░░░░")]
    [InlineData(52, "█████░░░░░")]
    [InlineData(55, "██████░░░░")]
    [InlineData(100, "██████████")]
    public void Bar_Percent_FillsTenthsOfTheWidth(int percent, string expected) =>
        Assert.Equal(expected, PollMessages.Bar(percent));

    [Fact]
    public void Normalize_RepeatedAndUnordered_AscendingWithoutRepeats() =>
        Assert.Equal([0, 2, 3], Ballot.Normalize([3, 0, 2, 3]));
}
