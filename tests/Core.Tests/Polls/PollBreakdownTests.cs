using System.Text.Json;
using Hromada.Core.Communities;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Core.Tests.Polls;

/// <summary>Results by group must never let anyone see one resident's answer.</summary>
public sealed class PollBreakdownTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Ages 36 (5), 76 (4) and 26 (5), and one voter without a birth year: 5 outside the shown groups.</summary>
    [Fact]
    public void Of_GroupUnderFive_Hidden()
    {
        var ballots = Voters(5, born: 1990, Gender.Female)
            .Concat(Voters(4, born: 1950, Gender.Female, first: 5))
            .Concat(Voters(5, born: 2000, Gender.Female, first: 9))
            .Concat(Voters(1, born: null, Gender.Female, first: 14))
            .ToList();

        var breakdown = PollBreakdown.Of(Poll(), ballots, Now);

        var age = Section(breakdown, BreakdownDimension.Age);
        Assert.Equal(["18–29", "30–44"], age.Groups.Select(group => group.Label));
        Assert.Equal(["Female"], Section(breakdown, BreakdownDimension.Gender).Groups.Select(group => group.Label));
    }

    /// <summary>
    /// Shown: men 6 and women 7 of 16 voters. The 3 left (others) could be read off the poll's totals
    /// minus the two groups, so the smaller shown group is hidden too, leaving 9 outside.
    /// </summary>
    [Fact]
    public void Of_RestOutsideTheShownGroupsUnderFive_HidesTheSmallestShownGroupToo()
    {
        var ballots = Voters(7, born: 1990, Gender.Female)
            .Concat(Voters(6, born: 1990, Gender.Male, first: 7))
            .Concat(Voters(3, born: 1990, Gender.Other, first: 13))
            .ToList();

        var breakdown = PollBreakdown.Of(Poll(), ballots, Now);

        Assert.Equal(["Female"], Section(breakdown, BreakdownDimension.Gender).Groups.Select(group => group.Label));
        Assert.Equal([16], Section(breakdown, BreakdownDimension.Age).Groups.Select(group => group.Tally.Voters));
    }

    [Fact]
    public void Of_VotersWithoutTheFieldsOrDeleted_NotCountedInAnyGroup()
    {
        var ballots = Voters(5, born: null, gender: null)
            .Concat(Voters(5, born: 1990, Gender.PreferNotToSay, first: 5))
            .Concat(Enumerable.Range(0, 5).Select(_ => ((IReadOnlyList<int>)[0], (Resident?)null)))
            .ToList();

        var breakdown = PollBreakdown.Of(Poll(), ballots, Now);

        Assert.Equal([5], Section(breakdown, BreakdownDimension.Age).Groups.Select(group => group.Tally.Voters));
        Assert.DoesNotContain(breakdown.Sections, section => section.Dimension == BreakdownDimension.Gender);
    }

    [Fact]
    public void Of_NationalPoll_ByCommunityLargestFirst_LocalPollNot()
    {
        var ballots = Voters(5, born: null, gender: null, community: "lviv")
            .Concat(Voters(6, born: null, gender: null, community: "kamianske", first: 5))
            .ToList();

        var national = PollBreakdown.Of(Poll() with { CommunityId = Community.NationalId }, ballots, Now);
        var local = PollBreakdown.Of(Poll(), ballots, Now);

        Assert.Equal(
            [("kamianske", 6), ("lviv", 5)],
            Section(national, BreakdownDimension.Community).Groups.Select(group => (group.Label, group.Tally.Voters)));
        Assert.Empty(local.Sections);
    }

    [Fact]
    public void Of_ClosedPoll_AgesCountedInTheYearItClosed()
    {
        var ballots = Voters(5, born: 2008, Gender.Male).ToList();
        var closedLastYear = Poll() with { ClosesAt = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) };

        var breakdown = PollBreakdown.Of(closedLastYear, ballots, Now);

        Assert.Equal(["14–17"], Section(breakdown, BreakdownDimension.Age).Groups.Select(group => group.Label));
    }

    [Fact]
    public void Of_Tally_CountsEachGroupsChoices()
    {
        var ballots = Voters(6, born: 1985, Gender.Female, choose: index => index < 4 ? 0 : 2).ToList();

        var breakdown = PollBreakdown.Of(Poll(), ballots, Now);

        var group = Assert.Single(Section(breakdown, BreakdownDimension.Age).Groups);
        Assert.Equal(("30–44", 6), (group.Label, group.Tally.Voters));
        Assert.Equal([4, 0, 2], group.Tally.Counts);
    }

    /// <summary>
    /// Random networks: whatever the mix, the breakdown holds no resident id or name, no group under
    /// five, and leaves outside its shown groups either nobody or at least five voters.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Of_RandomVoters_NoIdsNoSmallGroupNoSmallRest(int seed)
    {
        var random = new Random(seed);
        var ballots = Enumerable.Range(0, random.Next(1, 60))
            .Select(i => ((IReadOnlyList<int>)[random.Next(3)], (Resident?)Voter(
                i,
                random.Next(4) == 0 ? null : random.Next(1940, 2012),
                random.Next(5) == 0 ? null : (Gender)random.Next(4),
                random.Next(3) switch { 0 => "kamianske", 1 => "lviv", _ => "odesa" })))
            .ToList();

        var breakdown = PollBreakdown.Of(Poll() with { CommunityId = Community.NationalId }, ballots, Now);

        var json = JsonSerializer.Serialize(breakdown);
        Assert.DoesNotContain("resident-", json);
        Assert.DoesNotContain("Олена", json);
        Assert.All(breakdown.Sections, section =>
        {
            Assert.All(section.Groups, group => Assert.True(group.Tally.Voters >= PollBreakdown.MinGroupSize));
            var rest = ballots.Count - section.Groups.Sum(group => group.Tally.Voters);
            Assert.True(rest == 0 || rest >= PollBreakdown.MinGroupSize, $"{rest} voters outside the shown {section.Dimension} groups");
        });
    }

    private static BreakdownSection Section(PollBreakdown breakdown, BreakdownDimension dimension) =>
        Assert.Single(breakdown.Sections, section => section.Dimension == dimension);

    private static Poll Poll() => new()
    {
        Id = "p1",
        CommunityId = "kamianske",
        Question = "Питання?",
        Options = ["Так", "Ні", "Байдуже"],
        Status = PollStatus.Open,
        ClosesAt = Now.AddDays(3),
    };

    private static IEnumerable<(IReadOnlyList<int> Choices, Resident? Voter)> Voters(
        int count, int? born, Gender? gender, int first = 0, string community = "kamianske", Func<int, int>? choose = null) =>
        Enumerable.Range(0, count).Select(index => ((IReadOnlyList<int>)[choose?.Invoke(index) ?? 0], (Resident?)Voter(first + index, born, gender, community)));

    private static Resident Voter(int number, int? born, Gender? gender, string community) => new()
    {
        Id = $"resident-{number}",
        Name = "Олена",
        CommunityId = community,
        BirthYear = born,
        Gender = gender,
        RegisteredAt = Now.AddYears(-1),
    };
}
