using Hromada.Core.Polls;

namespace Hromada.Core.Statuses;

/// <summary>
/// The answer most voters of a closed poll gave: what an opinion leader's answers must mostly agree
/// with (DESIGN §5). By poll type:
/// <list type="bullet">
/// <item>Single choice: the option chosen by more voters than any other option (the most chosen, even
/// when that is less than half of the voters). A ballot agrees when it chose that option.</item>
/// <item>Multiple choice: the option ticked by more voters than any other option. A ballot agrees when
/// it ticked that option, whatever else it ticked.</item>
/// <item>Scale: the median answer, the middle one when all answers are put in order. A ballot agrees
/// when it is at most <see cref="ScaleTolerance"/> point from the median: with a median of 4, answers
/// 3, 4 and 5 agree.</item>
/// </list>
/// A poll has no majority, and counts in nobody's agreement figures, when nobody voted, when two or
/// more options share the most votes, or, on a scale, when the number of answers is even and the two
/// middle answers differ.
/// </summary>
/// <param name="Option">The majority's option: the most chosen one, or the median's option on a scale.</param>
public sealed record PollMajority(PollType Type, int Option)
{
    public const int ScaleTolerance = 1;

    /// <summary>The majority of a poll's tally, or null when it has none.</summary>
    public static PollMajority? Of(Poll poll, PollTally tally) =>
        poll.Type == PollType.Scale ? Median(tally) : MostChosen(poll.Type, tally);

    /// <summary>Whether a ballot's choices agree with this majority.</summary>
    public bool AgreesWith(IReadOnlyList<int> choices) =>
        Type == PollType.Scale
            ? choices.Count == 1 && Math.Abs(choices[0] - Option) <= ScaleTolerance
            : choices.Contains(Option);

    private static PollMajority? MostChosen(PollType type, PollTally tally)
    {
        var most = tally.Counts.DefaultIfEmpty(0).Max();
        var leaders = Enumerable.Range(0, tally.Counts.Count).Where(option => tally.Counts[option] == most).ToList();
        return most > 0 && leaders.Count == 1 ? new PollMajority(type, leaders[0]) : null;
    }

    private static PollMajority? Median(PollTally tally)
    {
        var answers = tally.Counts.Sum();
        if (answers == 0)
        {
            return null;
        }

        var lower = OptionAt(tally, (answers - 1) / 2);
        var upper = OptionAt(tally, answers / 2);
        return lower == upper ? new PollMajority(PollType.Scale, lower) : null;
    }

    /// <summary>The option of the answer at <paramref name="position"/> (from 0) when all answers are put in order.</summary>
    private static int OptionAt(PollTally tally, int position)
    {
        var seen = 0;
        for (var option = 0; option < tally.Counts.Count; option++)
        {
            seen += tally.Counts[option];
            if (position < seen)
            {
                return option;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(position), position, "Past the last answer.");
    }
}
