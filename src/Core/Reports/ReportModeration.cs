using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Reports;

/// <summary>How one step of <see cref="ReportModeration"/> on a report ended; only <see cref="Done"/> stored anything.</summary>
public enum ReportModerationOutcome
{
    Done,
    NotFound,

    /// <summary>The report's status does not allow the step (it is final, or the step would go back).</summary>
    IllegalTransition,

    /// <summary>A rejection without a reason, or an empty or too long reply.</summary>
    TextInvalid,
}

/// <param name="Report">The report after the step, or as it stands when the step was refused; null when not found.</param>
public sealed record ReportModerationResult(ReportModerationOutcome Outcome, ProblemReport? Report);

/// <summary>
/// A moderator's work on a report: moving it through its statuses and answering it. Each step is
/// stored in the report's history and told to the reporter and the residents who joined it. Who may
/// moderate is decided by the caller (the /issues dialog, the API), which passes the acting moderator.
/// </summary>
public sealed partial class ReportModeration(
    IReportStore reports, IResidentStore residents, ResidentNotifier notifier, TimeProvider time, ILogger<ReportModeration> logger)
{
    /// <summary>The longest reply or reason, so it fits one message on every platform.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Button data the reporter presses to rate: a command, so it works outside any dialog.</summary>
    public static string RateCommand(long number, int stars) =>
        string.Create(CultureInfo.InvariantCulture, $"/myreports {number} rate {stars}");

    /// <summary>One row of buttons, one star to five.</summary>
    public static IReadOnlyList<ReplyButton> RatingButtons(long number) =>
        [.. Enumerable.Range(ProblemReport.MinRating, ProblemReport.MaxRating)
            .Select(stars => new ReplyButton(ReportNames.Stars(stars), RateCommand(number, stars)))];

    public static string OpenCommand(long number) => string.Create(CultureInfo.InvariantCulture, $"/myreports {number}");

    public Task<ReportModerationResult> AcknowledgeAsync(long number, string moderatorId, string? note, CancellationToken cancellationToken) =>
        MoveAsync(number, ReportStatus.Acknowledged, moderatorId, note, cancellationToken);

    public Task<ReportModerationResult> StartWorkAsync(long number, string moderatorId, string? note, CancellationToken cancellationToken) =>
        MoveAsync(number, ReportStatus.InProgress, moderatorId, note, cancellationToken);

    /// <summary>Resolves it; the reporter is asked to rate the response.</summary>
    public Task<ReportModerationResult> ResolveAsync(long number, string moderatorId, string? note, CancellationToken cancellationToken) =>
        MoveAsync(number, ReportStatus.Resolved, moderatorId, note, cancellationToken);

    /// <summary>Rejects it; the reason is required and shown to the residents.</summary>
    public Task<ReportModerationResult> RejectAsync(long number, string moderatorId, string reason, CancellationToken cancellationToken) =>
        IsValidText(reason)
            ? MoveAsync(number, ReportStatus.Rejected, moderatorId, reason.Trim(), cancellationToken)
            : RefuseTextAsync(number, cancellationToken);

    /// <summary>Answers the report in any status; the answer goes to the reporter and those who joined.</summary>
    public async Task<ReportModerationResult> ReplyAsync(long number, string moderatorId, string text, CancellationToken cancellationToken)
    {
        if (!IsValidText(text))
        {
            return await RefuseTextAsync(number, cancellationToken);
        }

        var now = time.GetUtcNow();
        var updated = await reports.UpdateAsync(number, report => report.Answered(moderatorId, text.Trim(), now), cancellationToken);
        if (updated is not { Report: var report })
        {
            return new ReportModerationResult(ReportModerationOutcome.NotFound, null);
        }

        LogReplied(number, moderatorId);
        var reply = report.Replies[^1];
        await NotifyFollowersAsync(
            report,
            $"report:{report.Id}:reply:{report.Replies.Count}",
            language => new OutboundReply(Texts.Get(language, "Reports_Replied", report.Number, ReportNames.Category(language, report.Category), reply.Text))
            {
                Buttons = [[OpenButton(language, report)]],
            },
            cancellationToken);
        return new ReportModerationResult(ReportModerationOutcome.Done, report);
    }

    private async Task<ReportModerationResult> MoveAsync(
        long number, ReportStatus next, string moderatorId, string? note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxTextLength })
        {
            return await RefuseTextAsync(number, cancellationToken);
        }

        var updated = await reports.UpdateAsync(
            number, report => report.CanMoveTo(next) ? report.MovedTo(next, moderatorId, note, now) : null, cancellationToken);
        switch (updated)
        {
            case null:
                return new ReportModerationResult(ReportModerationOutcome.NotFound, null);
            case { Changed: false, Report: var unchanged }:
                LogRefused(number, unchanged.Status, next, moderatorId);
                return new ReportModerationResult(ReportModerationOutcome.IllegalTransition, unchanged);
        }

        var report = updated.Value.Report;
        LogMoved(number, next, moderatorId);
        await NotifyFollowersAsync(
            report,
            $"report:{report.Id}:status:{report.History.Count}",
            language => StatusMessage(language, report, asksRating: false),
            cancellationToken,
            reporter: language => StatusMessage(language, report, asksRating: report.AwaitsRating));
        return new ReportModerationResult(ReportModerationOutcome.Done, report);
    }

    /// <summary>The news of a status change; the reporter's, once resolved, asks for a rating with 1–5 buttons.</summary>
    private static OutboundReply StatusMessage(Language language, ProblemReport report, bool asksRating)
    {
        var text = Texts.Get(language, "Reports_StatusChanged", report.Number, ReportNames.Category(language, report.Category), ReportNames.Status(language, report.Status));
        var change = report.History[^1];
        if (change.Note is { } note)
        {
            text += "\n\n" + Texts.Get(language, report.Status == ReportStatus.Rejected ? "Reports_RejectionReason" : "Reports_Note", note);
        }

        if (!asksRating)
        {
            return new OutboundReply(text) { Buttons = [[OpenButton(language, report)]] };
        }

        return new OutboundReply(text + "\n\n" + Texts.Get(language, "Reports_AskRating"))
        {
            Buttons = [RatingButtons(report.Number), [OpenButton(language, report)]],
        };
    }

    /// <summary>
    /// Tells every follower; the key names the change, so telling again sends nothing twice. A resident
    /// who deleted their data meanwhile is skipped.
    /// </summary>
    private async Task NotifyFollowersAsync(
        ProblemReport report,
        string key,
        Func<Language, OutboundReply> compose,
        CancellationToken cancellationToken,
        Func<Language, OutboundReply>? reporter = null)
    {
        foreach (var residentId in report.Followers.Distinct(StringComparer.Ordinal))
        {
            if (await residents.GetAsync(residentId, cancellationToken) is not { } resident)
            {
                continue;
            }

            var isReporter = residentId == report.ReporterId;
            await notifier.NotifyAsync(resident, key, isReporter && reporter is not null ? reporter : compose, cancellationToken);
        }
    }

    private async Task<ReportModerationResult> RefuseTextAsync(long number, CancellationToken cancellationToken) =>
        new(ReportModerationOutcome.TextInvalid, await reports.GetAsync(number, cancellationToken));

    private static bool IsValidText(string? text) => !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= MaxTextLength;

    private static ReplyButton OpenButton(Language language, ProblemReport report) =>
        new(Texts.Get(language, "Reports_Open", report.Number), OpenCommand(report.Number));

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Number} moved to {Status} by moderator {ModeratorId}")]
    private partial void LogMoved(long number, ReportStatus status, string moderatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Number} refused the move from {Status} to {Next} by moderator {ModeratorId}")]
    private partial void LogRefused(long number, ReportStatus status, ReportStatus next, string moderatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Number} answered by moderator {ModeratorId}")]
    private partial void LogReplied(long number, string moderatorId);
}
