using Hromada.Core.Polls;
using Hromada.Core.Statuses;

namespace Hromada.Core.Tests.Statuses;

public sealed class PollMajorityTests
{
    [Theory]
    [InlineData(new[] { 5, 3, 1 }, 0)]
    [InlineData(new[] { 2, 4, 3 }, 1)] // the most chosen, though not half
    [InlineData(new[] { 4, 4, 1 }, null)] // a tie for the most: no majority
    [InlineData(new[] { 0, 0, 0 }, null)] // nobody voted
    public void Of_SingleChoice_MostChosenOptionOrNone(int[] counts, int? expected)
    {
        var majority = PollMajority.Of(Poll(PollType.SingleChoice, counts.Length), new PollTally(counts, counts.Sum()));

        Assert.Equal(expected, majority?.Option);
    }

    [Fact]
    public void AgreesWith_MultipleChoice_BallotTickingTheMostTickedOption()
    {
        var majority = PollMajority.Of(Poll(PollType.MultipleChoice, 3), new PollTally([6, 2, 5], 8))!;

        Assert.True(majority.AgreesWith([0, 2]));
        Assert.False(majority.AgreesWith([1, 2]));
    }

    [Theory]
    [InlineData(new[] { 1, 1, 3, 0, 0 }, 2)] // answers 1,2,3,3,3: the median is 3
    [InlineData(new[] { 0, 2, 0, 2, 0 }, null)] // answers 2,2,4,4: the two middle ones differ
    [InlineData(new[] { 0, 2, 2, 0, 0 }, null)] // answers 2,2,3,3: they differ by one, still no single median
    [InlineData(new[] { 0, 3, 1, 0, 0 }, 1)] // answers 2,2,2,3: both middle ones are 2
    [InlineData(new[] { 0, 0, 0, 0, 0 }, null)]
    public void Of_Scale_MedianOrNone(int[] counts, int? expected)
    {
        var majority = PollMajority.Of(Poll(PollType.Scale, 5), new PollTally(counts, counts.Sum()));

        Assert.Equal(expected, majority?.Option);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(0, false)]
    [InlineData(4, false)]
    public void AgreesWith_Scale_WithinOnePointOfTheMedian(int answer, bool expected)
    {
        var majority = new PollMajority(PollType.Scale, Option: 2);

        Assert.Equal(expected, majority.AgreesWith([answer]));
    }

    private static Poll Poll(PollType type, int options) => new()
    {
        Id = "p1",
        CommunityId = "kamianske",
        Question = "Питання?",
        Options = [.. Enumerable.Range(1, options).Select(n => $"{n}")],
        Type = type,
    };
}
