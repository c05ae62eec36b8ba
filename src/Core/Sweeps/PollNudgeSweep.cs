using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Sweeps;

/// <summary>
/// <see cref="SchedulingOptions.PollNudgeBefore"/> before a poll closes, reminds the registered
/// residents it is open to (its community's, or everybody for a national poll) who have not answered
/// it. Residents are read page by page; each poll is marked done once all are reminded, so later runs
/// skip it, and a run cut short is finished by the next one without reminding anybody twice.
/// </summary>
public sealed partial class PollNudgeSweep(
    IPollStore polls,
    IBallotStore ballots,
    IResidentStore residents,
    ISweepStore sweeps,
    ResidentNotifier notifier,
    SchedulingOptions options,
    ILogger<PollNudgeSweep> logger) : ISweep
{
    public const int BatchSize = 500;

    public const string Name = "PollNudge";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(10);

    public static string NotificationKey(string pollId) => $"poll:{pollId}:nudge";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nudged = 0;
        foreach (var poll in await polls.ListOpenClosingByAsync(now + options.PollNudgeBefore, cancellationToken))
        {
            if (!poll.IsOpenAt(now) || await sweeps.IsDoneAsync(Name, poll.Id, cancellationToken))
            {
                continue;
            }

            // A poll open no longer than the lead time would be "nudged" as it opens: it is not.
            if (poll.OpensAt is null || poll.OpensAt + options.PollNudgeBefore < poll.ClosesAt)
            {
                await NudgeAsync(poll, cancellationToken);
                nudged++;
            }
            else
            {
                LogTooShort(poll.Id);
            }

            await sweeps.MarkDoneAsync(Name, poll.Id, now, cancellationToken);
        }

        return nudged;
    }

    private async Task NudgeAsync(Poll poll, CancellationToken cancellationToken)
    {
        var community = poll.CommunityId == Community.NationalId ? null : poll.CommunityId;
        var queued = 0;
        await foreach (var page in residents.ListRegisteredAsync(community, cancellationToken).Chunk(BatchSize))
        {
            var voted = await ballots.FindVotersAsync(poll.Id, [.. page.Select(resident => resident.Id)], cancellationToken);
            queued += await notifier.NotifyAllAsync(
                [.. page.Where(resident => !voted.Contains(resident.Id))],
                NotificationKey(poll.Id),
                language => new OutboundReply(Texts.Get(language, "Polls_Nudge", poll.Question, KyivTime.Format(poll.ClosesAt!.Value)))
                {
                    Buttons = [[new ReplyButton(Texts.Get(language, "Menu_Polls"), "/polls")]],
                },
                OutboxPriority.Broadcast,
                cancellationToken);
        }

        LogNudged(poll.Id, queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId}: reminders queued for {Queued} residents who have not voted")]
    private partial void LogNudged(string pollId, int queued);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll {PollId} is open for less than the reminder lead time: no reminder")]
    private partial void LogTooShort(string pollId);
}
