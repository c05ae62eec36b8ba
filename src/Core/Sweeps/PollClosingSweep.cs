using Hromada.Core.Polls;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Sweeps;

/// <summary>
/// Closes the polls whose closing time has passed: each participant is sent the totals, then the
/// poll is stored as closed, so a run cut short is finished by the next one. A rerun sends nothing
/// twice (one notification key per poll and resident). Polls read as closed from their closing time
/// on (<see cref="Poll.StatusAt"/>), so voting never waits for this sweep.
/// </summary>
public sealed partial class PollClosingSweep(
    IPollStore polls,
    IBallotStore ballots,
    PollResultsNotice results,
    ILogger<PollClosingSweep> logger) : ISweep
{
    public const string Name = "PollClosing";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(1);

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await polls.ListOpenClosingByAsync(now, cancellationToken);
        foreach (var poll in due)
        {
            await CloseAsync(poll, cancellationToken);
        }

        return due.Count;
    }

    private async Task CloseAsync(Poll poll, CancellationToken cancellationToken)
    {
        var tally = await ballots.TallyAsync(poll, cancellationToken);
        var queued = await results.SendAsync(poll, cancellationToken);
        await polls.SaveAsync(poll with { Status = PollStatus.Closed }, cancellationToken);
        LogClosed(poll.Id, tally.Voters, queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} closed: {Voters} voters, results queued for {Queued}")]
    private partial void LogClosed(string pollId, int voters, int queued);
}
