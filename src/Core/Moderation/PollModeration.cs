using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>
/// What moderators do to polls — open a new one, close one, approve or reject a proposal — each
/// checked against the moderator's communities and audited with the poll before and after. The
/// residents concerned hear of it through <see cref="ResidentNotifier"/>.
/// </summary>
public sealed class PollModeration(
    IPollStore polls, IResidentStore residents, ResidentNotifier notifier, PollResultsNotice results, AuditTrail audit)
{
    public const string CreateAttempt = "poll.create";
    public const string CloseAttempt = "poll.close";
    public const string ModerateAttempt = "poll.moderate";

    /// <summary>Opens a poll a moderator wrote.</summary>
    public async Task<ModerationOutcome> CreateAsync(ModeratorScope by, Poll poll, CancellationToken cancellationToken)
    {
        if (!await audit.AdmitsAsync(by, CreateAttempt, poll.CommunityId, cancellationToken))
        {
            return ModerationOutcome.Refused;
        }

        await polls.SaveAsync(poll, cancellationToken);
        await audit.RecordAsync(by.Actor, AuditActions.PollCreated, AuditTargets.Poll(poll.Id), poll.CommunityId, null, poll, cancellationToken);
        return ModerationOutcome.Done;
    }

    /// <summary>Closes an open poll now and sends its results to everybody who answered it.</summary>
    public async Task<ModerationOutcome> CloseAsync(ModeratorScope by, string pollId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await polls.GetAsync(pollId, cancellationToken) is not { } poll || poll.StatusAt(now) != PollStatus.Open)
        {
            return ModerationOutcome.NotFound;
        }

        if (!await audit.AdmitsAsync(by, CloseAttempt, poll.CommunityId, cancellationToken))
        {
            return ModerationOutcome.Refused;
        }

        var closed = poll with { Status = PollStatus.Closed, ClosesAt = now };
        await polls.SaveAsync(closed, cancellationToken);
        await audit.RecordAsync(
            by.Actor, AuditActions.PollClosed, AuditTargets.Poll(poll.Id), poll.CommunityId, Timing(poll), Timing(closed), cancellationToken);
        await results.SendAsync(closed, cancellationToken);
        return ModerationOutcome.Done;
    }

    /// <summary>
    /// Opens a resident's proposal until <paramref name="closesAt"/> and tells its author. A poll that is
    /// no longer a proposal (decided meanwhile, also by a moderator acting at the same moment) is not allowed.
    /// </summary>
    public async Task<Moderated<Poll>> ApproveAsync(
        ModeratorScope by, string pollId, DateTimeOffset now, DateTimeOffset closesAt, CancellationToken cancellationToken)
    {
        var found = await FindProposalAsync(by, pollId, cancellationToken);
        if (!found.IsDone)
        {
            return found;
        }

        var proposal = found.Subject!;
        var opened = proposal with { Status = PollStatus.Open, OpensAt = now, ClosesAt = closesAt };
        if (!await polls.TryChangeStatusAsync(opened, PollStatus.Proposed, cancellationToken))
        {
            return new Moderated<Poll>(ModerationOutcome.NotAllowed, await polls.GetAsync(pollId, cancellationToken));
        }

        await audit.RecordAsync(
            by.Actor, AuditActions.PollApproved, AuditTargets.Poll(pollId), proposal.CommunityId, Timing(proposal), Timing(opened), cancellationToken);
        await TellAuthorAsync(opened, "approved", "Moderate_ApprovedNotice", cancellationToken, opened.Question, KyivTime.Format(closesAt));
        return new Moderated<Poll>(ModerationOutcome.Done, opened);
    }

    /// <summary>Rejects a resident's proposal and tells its author why; like approving, only while it is a proposal.</summary>
    public async Task<Moderated<Poll>> RejectAsync(ModeratorScope by, string pollId, string reason, CancellationToken cancellationToken)
    {
        var found = await FindProposalAsync(by, pollId, cancellationToken);
        if (!found.IsDone)
        {
            return found;
        }

        var proposal = found.Subject!;
        var rejected = proposal with { Status = PollStatus.Rejected };
        if (!await polls.TryChangeStatusAsync(rejected, PollStatus.Proposed, cancellationToken))
        {
            return new Moderated<Poll>(ModerationOutcome.NotAllowed, await polls.GetAsync(pollId, cancellationToken));
        }

        await audit.RecordAsync(
            by.Actor, AuditActions.PollRejected, AuditTargets.Poll(pollId), proposal.CommunityId,
            Timing(proposal), new { rejected.Status, Reason = reason }, cancellationToken);
        await TellAuthorAsync(rejected, "rejected", "Moderate_RejectedNotice", cancellationToken, rejected.Question, reason);
        return new Moderated<Poll>(ModerationOutcome.Done, rejected);
    }

    /// <summary>The proposals of the moderator's communities, oldest first, without those of blocked residents.</summary>
    public async Task<IReadOnlyList<Poll>> QueueAsync(ModeratorScope by, CancellationToken cancellationToken)
    {
        var queue = new List<Poll>();
        foreach (var proposal in await polls.ListProposedAsync(cancellationToken))
        {
            if (by.MayModerate(proposal.CommunityId) && !await AuthorBlockedAsync(proposal, cancellationToken))
            {
                queue.Add(proposal);
            }
        }

        return queue;
    }

    /// <summary>
    /// The poll to decide: in the moderator's communities (else refused and audited), not a blocked
    /// resident's proposal (those stay hidden, so not found), and still a proposal (else not allowed).
    /// </summary>
    private async Task<Moderated<Poll>> FindProposalAsync(ModeratorScope by, string pollId, CancellationToken cancellationToken)
    {
        var poll = await polls.GetAsync(pollId, cancellationToken);
        var visible = poll is null || (poll.Status == PollStatus.Proposed && await AuthorBlockedAsync(poll, cancellationToken)) ? null : poll;
        var found = await audit.AdmitAsync(by, ModerateAttempt, visible, admitted => admitted.CommunityId, cancellationToken);
        return found is { Subject.Status: not PollStatus.Proposed } ? new Moderated<Poll>(ModerationOutcome.NotAllowed, found.Subject) : found;
    }

    private async Task<bool> AuthorBlockedAsync(Poll poll, CancellationToken cancellationToken) =>
        poll.AuthorResidentId is { } authorId && await residents.GetAsync(authorId, cancellationToken) is { IsBlocked: true };

    private async Task TellAuthorAsync(Poll poll, string decision, string textKey, CancellationToken cancellationToken, params object?[] args)
    {
        if (poll.AuthorResidentId is { } authorId && await residents.GetAsync(authorId, cancellationToken) is { } author)
        {
            await notifier.NotifyAsync(author, $"poll:{poll.Id}:{decision}", textKey, cancellationToken, args);
        }
    }

    /// <summary>What the audit keeps of a poll around a change of state.</summary>
    private static object Timing(Poll poll) => new { poll.Status, poll.OpensAt, poll.ClosesAt };
}
