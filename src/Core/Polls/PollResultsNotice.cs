using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Localization;
using Hromada.Core.Residents;

namespace Hromada.Core.Polls;

/// <summary>
/// Sends a closed poll's totals to everybody who answered it, in their language. One key per poll and
/// resident, so a moderator's /closepoll, the API and the closing sweep together never send it twice.
/// </summary>
public sealed class PollResultsNotice(IBallotStore ballots, IResidentStore residents, ResidentNotifier notifier)
{
    /// <summary>Voters read, and messages queued, per store call.</summary>
    public const int BatchSize = 500;

    public static string NotificationKey(string pollId) => $"poll:{pollId}:results";

    /// <returns>How many residents the results were queued for.</returns>
    public async Task<int> SendAsync(Poll poll, CancellationToken cancellationToken)
    {
        var tally = await ballots.TallyAsync(poll, cancellationToken);
        var queued = 0;
        await foreach (var voterIds in ballots.ListVoterIdsAsync(poll.Id, cancellationToken).Chunk(BatchSize))
        {
            var voters = await residents.GetManyAsync(voterIds, cancellationToken);
            queued += await notifier.NotifyAllAsync(
                voters,
                NotificationKey(poll.Id),
                language => new OutboundReply(Texts.Get(language, "Polls_ClosedResults", poll.Question, PollMessages.Results(language, poll, tally))),
                OutboxPriority.Broadcast,
                cancellationToken);
        }

        return queued;
    }
}
