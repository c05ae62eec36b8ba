using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Core.Statuses;

/// <summary>One resident's figures as of now, read from the stores: what /status shows.</summary>
public sealed class ParticipationReader(IPollStore polls, IBallotStore ballots, ProposalHistory proposals, StatusRules rules)
{
    /// <summary>
    /// The majority of each closed poll seen so far. A closed poll takes no more votes, so its
    /// majority never changes; the key holds the closing time so a poll reopened later is counted anew.
    /// </summary>
    private readonly ConcurrentDictionary<(string PollId, DateTimeOffset? ClosesAt), PollMajority?> _closedMajorities = new();

    public async Task<ResidentFigures> ReadAsync(Resident resident, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var book = new ParticipationBook(
            await polls.ListPutToVoteAsync(PollAudience.CommunitiesOf(resident), cancellationToken), rules, now);
        var answers = new List<PollAnswer>();
        foreach (var ballot in await ballots.ListByResidentAsync(resident.Id, cancellationToken))
        {
            var index = book.IndexOf(ballot.PollId);
            if (index < 0)
            {
                continue;
            }

            var poll = book.Polls[index];
            var majority = poll.StatusAt(now) == PollStatus.Closed ? await ClosedMajorityAsync(poll, cancellationToken) : null;
            answers.Add(new PollAnswer(index, ballot.Changes > 0, majority?.AgreesWith(ballot.Choices)));
        }

        var own = await proposals.ListSinceAsync(book.ProposalsCountFrom(resident), resident.Id, cancellationToken);
        return book.FiguresOf(resident, CollectionsMarshal.AsSpan(answers), own);
    }

    private async Task<PollMajority?> ClosedMajorityAsync(Poll poll, CancellationToken cancellationToken)
    {
        var key = (poll.Id, poll.ClosesAt);
        if (!_closedMajorities.TryGetValue(key, out var majority))
        {
            majority = PollMajority.Of(poll, await ballots.TallyAsync(poll, cancellationToken));
            _closedMajorities[key] = majority;
        }

        return majority;
    }
}
