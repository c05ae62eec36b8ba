using Hromada.Core.Communities;
using Hromada.Core.Reports;

namespace Hromada.Core.Moderation;

/// <summary>What a moderator does to a problem report; each is one <see cref="ReportModeration"/> step.</summary>
public enum ReportAction
{
    Acknowledge,
    StartWork,
    Resolve,
    Reject,
    Reply,
}

/// <summary>
/// The problem-report queue of a moderator's communities and their work on it, checked against the
/// moderator's communities and audited with the report's status before and after. <see cref="ReportModeration"/>
/// stores each step and tells the reporter and those who joined.
/// </summary>
public sealed class ReportDecisions(IReportStore reports, ReportModeration moderation, CommunityDirectory communities, AuditTrail audit)
{
    public const string ModerateAttempt = "report.moderate";

    /// <summary>The statuses still waiting for moderators, in the order the queue shows them.</summary>
    private static readonly ReportStatus[] Open = [ReportStatus.New, ReportStatus.Acknowledged, ReportStatus.InProgress];

    /// <summary>The open reports of the moderator's communities: new ones first, then acknowledged, then in progress; oldest first within each.</summary>
    public async Task<IReadOnlyList<ProblemReport>> QueueAsync(ModeratorScope by, CancellationToken cancellationToken)
    {
        var queue = new List<ProblemReport>();
        foreach (var status in Open)
        {
            var waiting = new List<ProblemReport>();
            foreach (var communityId in by.CommunitiesIn(communities))
            {
                waiting.AddRange(await reports.ListForModerationAsync(communityId, status, cancellationToken));
            }

            queue.AddRange(waiting.OrderBy(report => report.CreatedAt).ThenBy(report => report.Number));
        }

        return queue;
    }

    /// <summary>
    /// The report, when it is in the moderator's communities; asking for one of another community is
    /// an attempt without the role, so it is audited as refused.
    /// </summary>
    public async Task<Moderated<ProblemReport>> FindAsync(ModeratorScope by, long number, CancellationToken cancellationToken) =>
        await audit.AdmitAsync(by, ModerateAttempt, await reports.GetAsync(number, cancellationToken), report => report.CommunityId, cancellationToken);

    /// <param name="text">
    /// The rejection's reason or the reply; for the other steps an optional note the residents are told
    /// with the new status. The report returned is as stored afterwards, also when the step was not allowed.
    /// </param>
    public async Task<Moderated<ProblemReport>> ActAsync(
        ModeratorScope by, long number, ReportAction action, string? text, CancellationToken cancellationToken)
    {
        var found = await FindAsync(by, number, cancellationToken);
        if (!found.IsDone)
        {
            return found;
        }

        var report = found.Subject!;
        var moderatorId = by.Actor.AuthorId;
        var result = action switch
        {
            ReportAction.Acknowledge => await moderation.AcknowledgeAsync(number, moderatorId, text, cancellationToken),
            ReportAction.StartWork => await moderation.StartWorkAsync(number, moderatorId, text, cancellationToken),
            ReportAction.Resolve => await moderation.ResolveAsync(number, moderatorId, text, cancellationToken),
            ReportAction.Reject => await moderation.RejectAsync(number, moderatorId, text ?? "", cancellationToken),
            _ => await moderation.ReplyAsync(number, moderatorId, text ?? "", cancellationToken),
        };
        var outcome = result.Outcome switch
        {
            ReportModerationOutcome.Done => ModerationOutcome.Done,
            ReportModerationOutcome.IllegalTransition => ModerationOutcome.NotAllowed,
            ReportModerationOutcome.TextInvalid => ModerationOutcome.Invalid,
            _ => ModerationOutcome.NotFound,
        };
        if (outcome == ModerationOutcome.Done)
        {
            var after = result.Report!;
            await audit.RecordAsync(
                by.Actor,
                AuditActionOf(action),
                AuditTargets.Report(number),
                report.CommunityId,
                new { report.Status },
                action switch
                {
                    ReportAction.Reject => new { after.Status, Reason = after.RejectionReason },
                    ReportAction.Reply => new { after.Status, Reply = after.Replies[^1].Text },
                    _ => new { after.Status, after.History[^1].Note },
                },
                cancellationToken);
        }

        return new Moderated<ProblemReport>(outcome, result.Report);
    }

    private static string AuditActionOf(ReportAction action) => action switch
    {
        ReportAction.Acknowledge => AuditActions.ReportAcknowledged,
        ReportAction.StartWork => AuditActions.ReportInProgress,
        ReportAction.Resolve => AuditActions.ReportResolved,
        ReportAction.Reject => AuditActions.ReportRejected,
        _ => AuditActions.ReportReplied,
    };
}
