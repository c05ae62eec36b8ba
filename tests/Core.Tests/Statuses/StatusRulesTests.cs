using System.Globalization;
using Hromada.Core.Residents;
using Hromada.Core.Statuses;

namespace Hromada.Core.Tests.Statuses;

public sealed class StatusRulesTests
{
    private static readonly StatusRules Defaults = new();

    /// <summary>Polls open: 100, so answered counts read as percentages.</summary>
    [Theory]
    [InlineData(0, 0, 0, 0, 3, 0, ResidentStatus.Registered)]
    [InlineData(50, 50, 0, 0, 3, 3, ResidentStatus.Registered)] // exactly 50% is not "more than"
    [InlineData(51, 51, 0, 0, 3, 0, ResidentStatus.Responsible)]
    [InlineData(75, 75, 0, 0, 3, 3, ResidentStatus.Responsible)] // exactly 75% is not expert
    [InlineData(76, 76, 0, 0, 3, 3, ResidentStatus.LocalExpert)]
    [InlineData(76, 76, 0, 0, 3, 2, ResidentStatus.Responsible)] // a month without a proposal
    [InlineData(80, 70, 0, 0, 3, 3, ResidentStatus.Responsible)] // changed votes count as not answered
    [InlineData(90, 90, 10, 10, 3, 3, ResidentStatus.LocalExpert)] // exactly 90% is not leader
    [InlineData(91, 91, 10, 6, 3, 3, ResidentStatus.OpinionLeader)]
    [InlineData(91, 91, 10, 5, 3, 3, ResidentStatus.LocalExpert)] // half with the majority is not "most"
    [InlineData(95, 88, 10, 9, 3, 3, ResidentStatus.LocalExpert)] // leader needs >90% unchanged
    [InlineData(100, 100, 10, 10, 1, 1, ResidentStatus.OpinionLeader)] // a new member's one month
    [InlineData(100, 100, 10, 10, 3, 0, ResidentStatus.Responsible)]
    public void StatusFor_Figures_GivesStatus(
        int answered, int unchanged, int closedAnswered, int withMajority, int months, int monthsWithProposal, ResidentStatus expected)
    {
        var figures = new Participation(100, answered, unchanged, closedAnswered, withMajority, months, monthsWithProposal);

        Assert.Equal(expected, Defaults.StatusFor(figures));
    }

    [Fact]
    public void StatusFor_NoPollOpen_Registered()
    {
        var figures = new Participation(0, 0, 0, 0, 0, 1, 1);

        Assert.Equal(ResidentStatus.Registered, Defaults.StatusFor(figures));
    }

    [Fact]
    public void StatusFor_ConfiguredThreshold_Honoured()
    {
        var rules = new StatusRules { ResponsibleShare = 0.30 };

        Assert.Equal(ResidentStatus.Responsible, rules.StatusFor(new Participation(10, 4, 4, 0, 0, 1, 0)));
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-23", new[] { "2026-11-01" })]
    [InlineData("2026-10-31", "2026-11-01", new[] { "2026-10-01", "2026-11-01" })]
    [InlineData("2026-01-15", "2026-11-23", new[] { "2026-09-01", "2026-10-01", "2026-11-01" })]
    [InlineData("2025-12-01", "2026-01-10", new[] { "2025-12-01", "2026-01-01" })]
    public void MonthsToConsider_Membership_LastMonthsAtLeastOne(string since, string now, string[] expected)
    {
        var months = Defaults.MonthsToConsider(Noon(since), Noon(now));

        Assert.Equal(expected.Select(day => DateOnly.Parse(day, CultureInfo.InvariantCulture)), months);
    }

    private static DateTimeOffset Noon(string day) =>
        DateTimeOffset.Parse($"{day}T12:00:00Z", CultureInfo.InvariantCulture);
}
