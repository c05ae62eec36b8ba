using System.ComponentModel.DataAnnotations;
using Hromada.Core.Residents;

namespace Hromada.Core.Statuses;

/// <summary>The "Statuses" configuration section: the thresholds of DESIGN §5.</summary>
public sealed class StatusRules
{
    public const string Section = "Statuses";

    /// <summary>Responsible resident: more than this share of open polls answered.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Statuses:ResponsibleShare must be between 0 and 1.")]
    public double ResponsibleShare { get; set; } = 0.50;

    /// <summary>Local expert: more than this share answered without changing the vote, and a proposal every month.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Statuses:ExpertShare must be between 0 and 1.")]
    public double ExpertShare { get; set; } = 0.75;

    /// <summary>Opinion leader: more than this share unchanged, the monthly proposal, and mostly with the majority.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Statuses:LeaderShare must be between 0 and 1.")]
    public double LeaderShare { get; set; } = 0.90;

    /// <summary>How many of the last calendar months of membership must each hold a proposal.</summary>
    [Range(1, 24, ErrorMessage = "Statuses:ProposalMonths must be between 1 and 24.")]
    public int ProposalMonths { get; set; } = 3;

    /// <summary>The highest status the figures earn; pure, so one table of cases tests it.</summary>
    public ResidentStatus StatusFor(Participation figures)
    {
        if (figures.UnchangedShare > LeaderShare && figures.ProposedEveryMonth && figures.MostlyWithMajority)
        {
            return ResidentStatus.OpinionLeader;
        }

        if (figures.UnchangedShare > ExpertShare && figures.ProposedEveryMonth)
        {
            return ResidentStatus.LocalExpert;
        }

        return figures.AnsweredShare > ResponsibleShare ? ResidentStatus.Responsible : ResidentStatus.Registered;
    }

    /// <summary>
    /// The calendar months (first days, UTC) whose proposals count at <paramref name="now"/>: the last
    /// <see cref="ProposalMonths"/> months of membership including the current one, fewer for a newer member, never none.
    /// </summary>
    public IReadOnlyList<DateOnly> MonthsToConsider(DateTimeOffset memberSince, DateTimeOffset now)
    {
        var first = new DateOnly(memberSince.UtcDateTime.Year, memberSince.UtcDateTime.Month, 1);
        var current = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        var monthsOfMembership = ((current.Year - first.Year) * 12) + current.Month - first.Month + 1;
        var count = Math.Clamp(monthsOfMembership, 1, ProposalMonths);
        return [.. Enumerable.Range(0, count).Select(back => current.AddMonths(-back)).Reverse()];
    }
}
