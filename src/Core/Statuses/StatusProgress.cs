using Hromada.Core.Residents;

namespace Hromada.Core.Statuses;

/// <summary>One thing a resident still has to do for the next status.</summary>
public abstract record StatusNeed;

/// <summary>Answer <paramref name="Count"/> more polls: the open ones first, then new ones as they open.</summary>
/// <param name="WithoutChanging">The answers count only when the vote is not changed afterwards (expert and leader).</param>
public sealed record AnswerMorePolls(int Count, bool WithoutChanging) : StatusNeed;

/// <summary>Propose a poll or an idea this month: the current month has none yet.</summary>
public sealed record ProposeThisMonth : StatusNeed;

/// <summary>An earlier month considered has no proposal: it counts until it leaves the window, so keep proposing monthly.</summary>
public sealed record ProposeEveryMonth(int MonthsWithProposal, int MonthsConsidered) : StatusNeed;

/// <summary>Most answers on closed polls must agree with the majority; now <paramref name="WithMajority"/> of <paramref name="ClosedAnswered"/> do.</summary>
public sealed record AgreeWithMajority(int WithMajority, int ClosedAnswered) : StatusNeed;

/// <summary>What separates a resident's figures from the next status (DESIGN §5), under the configured <see cref="StatusRules"/>.</summary>
public static class StatusProgress
{
    /// <summary>More answers than this are not worth counting: the threshold is out of reach (a configured share of 1).</summary>
    private const int MostAnswersCounted = 100_000;

    /// <summary>The status above the one the figures earn, and what it needs; null at the top.</summary>
    public static (ResidentStatus Next, IReadOnlyList<StatusNeed> Needs)? Next(ResidentFigures figures, StatusRules rules)
    {
        var earned = rules.StatusFor(figures.Overall);
        if (earned == ResidentStatus.OpinionLeader)
        {
            return null;
        }

        var next = earned + 1;
        var overall = figures.Overall;
        var needs = new List<StatusNeed>();
        var (part, current, share) = next switch
        {
            ResidentStatus.Responsible => (overall.PollsAnswered, overall.AnsweredShare, rules.ResponsibleShare),
            ResidentStatus.LocalExpert => (overall.PollsAnsweredUnchanged, overall.UnchangedShare, rules.ExpertShare),
            _ => (overall.PollsAnsweredUnchanged, overall.UnchangedShare, rules.LeaderShare),
        };
        if (current <= share && AnswersNeeded(part, overall.PollsOpen, figures.OpenUnanswered, share) is { } count)
        {
            needs.Add(new AnswerMorePolls(count, WithoutChanging: next != ResidentStatus.Responsible));
        }

        if (next != ResidentStatus.Responsible && !overall.ProposedEveryMonth)
        {
            if (!figures.ProposedThisMonth)
            {
                needs.Add(new ProposeThisMonth());
            }

            if (overall.MonthsWithProposal + (figures.ProposedThisMonth ? 0 : 1) < overall.MonthsConsidered)
            {
                needs.Add(new ProposeEveryMonth(overall.MonthsWithProposal, overall.MonthsConsidered));
            }
        }

        if (next == ResidentStatus.OpinionLeader && !overall.MostlyWithMajority)
        {
            needs.Add(new AgreeWithMajority(overall.ClosedPollsWithMajority, overall.ClosedPollsAnswered));
        }

        return (next, needs);
    }

    /// <summary>
    /// The fewest further answers that lift <paramref name="part"/> of <paramref name="open"/> polls
    /// above <paramref name="share"/>: the first <paramref name="openUnanswered"/> are already counted
    /// as open, each one after them is a new poll that adds to the open ones too.
    /// </summary>
    private static int? AnswersNeeded(int part, int open, int openUnanswered, double share)
    {
        for (var more = 1; more <= MostAnswersCounted; more++)
        {
            var whole = open + Math.Max(0, more - openUnanswered);
            if ((double)(part + more) / whole > share)
            {
                return more;
            }
        }

        return null;
    }
}
