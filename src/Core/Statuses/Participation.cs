namespace Hromada.Core.Statuses;

/// <summary>
/// What a resident did, overall or within one sphere: the figures a status is computed from.
/// </summary>
/// <param name="PollsOpen">Polls open to the resident while they were a member.</param>
/// <param name="PollsAnswered">Of those, the polls they answered.</param>
/// <param name="PollsAnsweredUnchanged">Of the answered, those whose vote they never changed.</param>
/// <param name="ClosedPollsAnswered">Answered polls that have closed, where a majority is known.</param>
/// <param name="ClosedPollsWithMajority">Of those, the polls where their answer was the majority's.</param>
/// <param name="MonthsConsidered">The last calendar months of membership looked at for proposals (at least one).</param>
/// <param name="MonthsWithProposal">Of those, the months in which they proposed a poll or an idea.</param>
public sealed record Participation(
    int PollsOpen,
    int PollsAnswered,
    int PollsAnsweredUnchanged,
    int ClosedPollsAnswered,
    int ClosedPollsWithMajority,
    int MonthsConsidered,
    int MonthsWithProposal)
{
    /// <summary>Share of open polls answered; 0 when none was open.</summary>
    public double AnsweredShare => Share(PollsAnswered, PollsOpen);

    /// <summary>Share of open polls answered without a change of vote: a changed vote counts as not answered.</summary>
    public double UnchangedShare => Share(PollsAnsweredUnchanged, PollsOpen);

    public bool ProposedEveryMonth => MonthsConsidered > 0 && MonthsWithProposal >= MonthsConsidered;

    /// <summary>Most of the resident's answers on closed polls agree with the majority.</summary>
    public bool MostlyWithMajority => ClosedPollsWithMajority * 2 > ClosedPollsAnswered;

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
