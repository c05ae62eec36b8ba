using Hromada.Core.Communities;
using Hromada.Core.Residents;

namespace Hromada.Core.Polls;

/// <summary>A resident field a poll's results are broken down by.</summary>
public enum BreakdownDimension
{
    /// <summary>Only for national polls: a community's own poll is answered in that community.</summary>
    Community,
    Age,
    Gender,
}

/// <summary>An age group: from <see cref="From"/> to <see cref="To"/> years old, both included, or older when <see cref="To"/> is null.</summary>
public sealed record AgeBand(int From, int? To)
{
    public static readonly IReadOnlyList<AgeBand> All = [new(14, 17), new(18, 29), new(30, 44), new(45, 59), new(60, null)];

    /// <summary>"18–29", or "60+" for the oldest.</summary>
    public string Label => To is { } to ? $"{From}–{to}" : $"{From}+";

    public bool Holds(int age) => age >= From && (To is not { } to || age <= to);
}

/// <summary>One group's totals.</summary>
/// <param name="Label">A community id, an <see cref="AgeBand.Label"/>, or a <see cref="Residents.Gender"/> name.</param>
public sealed record BreakdownGroup(string Label, PollTally Tally);

public sealed record BreakdownSection(BreakdownDimension Dimension, IReadOnlyList<BreakdownGroup> Groups);

/// <summary>
/// A poll's results by community, age group and gender, counted only from the voters who gave that
/// field. Nobody's answer can be seen in it: it holds totals only, never a resident id, never a group
/// of fewer than <see cref="MinGroupSize"/> voters, and never a set of groups whose hidden rest could
/// be worked out from the poll's totals as a group that small (see <see cref="Shown"/>).
/// </summary>
public sealed record PollBreakdown(IReadOnlyList<BreakdownSection> Sections)
{
    public const int MinGroupSize = 5;

    /// <summary>The breakdown of the ballots, each given with its voter (null for a voter whose data was deleted).</summary>
    /// <param name="now">Ages are counted in the year the poll closed, or in this year while it is open.</param>
    public static PollBreakdown Of(Poll poll, IReadOnlyList<(IReadOnlyList<int> Choices, Resident? Voter)> ballots, DateTimeOffset now)
    {
        var year = (poll.ClosesAt is { } closesAt && closesAt < now ? closesAt : now).UtcDateTime.Year;
        var sections = new List<BreakdownSection>();
        if (poll.CommunityId == Community.NationalId)
        {
            sections.Add(Section(poll, ballots, BreakdownDimension.Community, voter => voter.CommunityId, order: null));
        }

        var bands = AgeBand.All.Select(band => band.Label).ToList();
        sections.Add(Section(
            poll, ballots, BreakdownDimension.Age,
            voter => voter.BirthYear is { } born ? AgeBand.All.FirstOrDefault(band => band.Holds(year - born))?.Label : null,
            bands));
        var genders = new[] { Gender.Female, Gender.Male, Gender.Other }.Select(gender => gender.ToString()).ToList();
        sections.Add(Section(
            poll, ballots, BreakdownDimension.Gender,
            voter => voter.Gender is { } gender && gender != Gender.PreferNotToSay ? gender.ToString() : null,
            genders));
        return new PollBreakdown([.. sections.Where(section => section.Groups.Count > 0)]);
    }

    /// <param name="groupOf">The voter's group, or null when they did not give the field.</param>
    /// <param name="order">The labels in the order shown; null to show the largest groups first.</param>
    private static BreakdownSection Section(
        Poll poll,
        IReadOnlyList<(IReadOnlyList<int> Choices, Resident? Voter)> ballots,
        BreakdownDimension dimension,
        Func<Resident, string?> groupOf,
        List<string>? order)
    {
        var groups = ballots
            .Select(ballot => (ballot.Choices, Group: ballot.Voter is { } voter ? groupOf(voter) : null))
            .Where(ballot => ballot.Group is not null)
            .GroupBy(ballot => ballot.Group!, StringComparer.Ordinal)
            .Select(group => new BreakdownGroup(group.Key, PollTally.From(poll.Options.Count, group.Select(ballot => ballot.Choices))))
            .ToList();
        var shown = Shown(groups, ballots.Count);
        return new BreakdownSection(
            dimension,
            order is null
                ? [.. shown.OrderByDescending(group => group.Tally.Voters).ThenBy(group => group.Label, StringComparer.Ordinal)]
                : [.. shown.OrderBy(group => order.IndexOf(group.Label))]);
    }

    /// <summary>
    /// The groups that may be shown. A group under <see cref="MinGroupSize"/> is hidden. The voters
    /// outside the shown groups (hidden groups and voters who did not give the field) are the poll's
    /// totals minus the shown groups' totals, which anyone who sees the results can subtract; so when
    /// they are 1 to 4, the smallest shown groups are hidden too until they are none or at least
    /// <see cref="MinGroupSize"/>.
    /// </summary>
    private static List<BreakdownGroup> Shown(List<BreakdownGroup> groups, int voters)
    {
        var shown = groups.Where(group => group.Tally.Voters >= MinGroupSize).OrderBy(group => group.Tally.Voters).ToList();
        while (shown.Count > 0 && voters - shown.Sum(group => group.Tally.Voters) is > 0 and < MinGroupSize)
        {
            shown.RemoveAt(0);
        }

        return shown;
    }
}
