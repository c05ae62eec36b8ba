using System.Collections.Concurrent;
using Hromada.Core.Residents;

namespace Hromada.Core.Polls;

/// <summary>Reads what a <see cref="PollBreakdown"/> is computed from: the poll's ballots joined with their voters.</summary>
public sealed class PollBreakdowns(IBallotStore ballots, IResidentStore residents)
{
    private const int ResidentsPerRead = 1000;

    /// <summary>Breakdowns of closed polls: they take no more votes, so theirs stay as computed.</summary>
    private readonly ConcurrentDictionary<(string PollId, DateTimeOffset? ClosesAt), PollBreakdown> _closed = new();

    public async Task<PollBreakdown> ForAsync(Poll poll, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = (poll.Id, poll.ClosesAt);
        var closed = poll.StatusAt(now) == PollStatus.Closed;
        if (closed && _closed.TryGetValue(key, out var known))
        {
            return known;
        }

        var cast = await ballots.ListByPollAsync(poll.Id, cancellationToken).ToListAsync(cancellationToken);
        var voters = new Dictionary<string, Resident>();
        foreach (var ids in cast.Select(ballot => ballot.ResidentId).Chunk(ResidentsPerRead))
        {
            foreach (var voter in await residents.GetManyAsync(ids, cancellationToken))
            {
                voters[voter.Id] = voter;
            }
        }

        var breakdown = PollBreakdown.Of(poll, [.. cast.Select(ballot => (ballot.Choices, voters.GetValueOrDefault(ballot.ResidentId)))], now);
        if (closed)
        {
            _closed[key] = breakdown;
        }

        return breakdown;
    }
}
