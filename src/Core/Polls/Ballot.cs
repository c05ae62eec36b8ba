namespace Hromada.Core.Polls;

/// <summary>One resident's answer to one poll; there is never more than one per (poll, resident).</summary>
/// <param name="Choices">Indexes into <see cref="Poll.Options"/>, ascending, without repeats.</param>
/// <param name="CastAt">When the current choices were cast.</param>
/// <param name="Changes">How many times the resident changed the choices (it counts against the expert statuses).</param>
public sealed record Ballot(string PollId, string ResidentId, IReadOnlyList<int> Choices, DateTimeOffset CastAt, int Changes)
{
    /// <summary>The one form choices are stored and compared in: ascending, without repeats.</summary>
    public static IReadOnlyList<int> Normalize(IEnumerable<int> choices) => [.. choices.Distinct().Order()];
}

/// <summary>The count of ballots holding each option, and the number of ballots; computed from the ballots.</summary>
/// <param name="Counts">One count per option of the poll, in option order.</param>
/// <param name="Voters">Ballots cast; with multiple choice the counts may add up to more.</param>
public sealed record PollTally(IReadOnlyList<int> Counts, int Voters)
{
    /// <summary>The share of voters who chose the option, in whole percent.</summary>
    public int PercentOf(int option) =>
        Voters == 0 ? 0 : (int)Math.Round(100.0 * Counts[option] / Voters, MidpointRounding.AwayFromZero);

    /// <summary>Counts the ballots' choices; choices outside the poll's options are ignored.</summary>
    public static PollTally From(int optionCount, IEnumerable<IReadOnlyList<int>> ballotChoices)
    {
        var counts = new int[optionCount];
        var voters = 0;
        foreach (var choices in ballotChoices)
        {
            voters++;
            foreach (var choice in choices.Where(choice => choice >= 0 && choice < optionCount))
            {
                counts[choice]++;
            }
        }

        return new PollTally(counts, voters);
    }
}

/// <summary>
/// Ballots, private to their residents: residents see only their own ballots and the totals. The
/// lists by poll serve computations that show aggregates only (statuses, results by group).
/// </summary>
public interface IBallotStore
{
    /// <summary>
    /// Stores the resident's choices as their one ballot on the poll, also when the same cast arrives
    /// several times at once. Casting choices that differ from the stored ones replaces them and
    /// counts a change; casting the same choices again changes nothing.
    /// </summary>
    /// <returns>The ballot as stored after the cast.</returns>
    Task<Ballot> CastAsync(
        string pollId, string residentId, IReadOnlyList<int> choices, DateTimeOffset castAt, CancellationToken cancellationToken);

    Task<Ballot?> FindAsync(string pollId, string residentId, CancellationToken cancellationToken);

    /// <summary>Counts the poll's ballots now, so the tally always equals the ballots.</summary>
    Task<PollTally> TallyAsync(Poll poll, CancellationToken cancellationToken);

    /// <summary>How many residents answered the poll.</summary>
    Task<int> CountAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>The resident's own ballots, for their data export and their participation figures.</summary>
    Task<IReadOnlyList<Ballot>> ListByResidentAsync(string residentId, CancellationToken cancellationToken);

    /// <summary>
    /// Every ballot of the poll with who cast it, streamed. Only for computations whose output holds
    /// aggregates (statuses, results by group): never show what it returns about one resident.
    /// </summary>
    IAsyncEnumerable<Ballot> ListByPollAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of the residents who answered the poll, read from the store page by page as they are
    /// consumed (a national poll may have hundreds of thousands). Who chose what stays private.
    /// </summary>
    IAsyncEnumerable<string> ListVoterIdsAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="residentIds"/> answered the poll.</summary>
    Task<IReadOnlySet<string>> FindVotersAsync(
        string pollId, IReadOnlyCollection<string> residentIds, CancellationToken cancellationToken);
}
