using System.Globalization;
using Hromada.Core.Admin;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Admin.Issues;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Reports;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Sweeps;

/// <summary>
/// A problem report nobody acknowledged within <see cref="SchedulingOptions.ReportEscalationAfter"/> of
/// its filing is escalated once: each moderator of its community (its role holders) is told, in their
/// language, with a button that opens it in /issues. A community nobody moderates, or whose moderators
/// cannot be reached, falls to the super-admins. The report is marked done in the sweep store once all
/// are told, and messages are keyed per report and moderator, so nobody hears of it twice. Being work
/// that has waited days, it waits for the end of a moderator's quiet hours.
/// </summary>
public sealed partial class ReportEscalationSweep(
    IReportStore reports,
    IRoleStore roles,
    IAdminDirectory admins,
    IResidentStore residents,
    ISweepStore sweeps,
    ResidentNotifier notifier,
    CommunityDirectory communities,
    SchedulingOptions options,
    ILogger<ReportEscalationSweep> logger) : ISweep
{
    public const string Name = "ReportEscalation";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(15);

    public static string NotificationKey(long number) => string.Create(CultureInfo.InvariantCulture, $"report:{number}:escalated");

    /// <summary>
    /// Lists the new reports filed before the escalation time, newest first: those that just became
    /// due come first, so a long-ignored backlog (escalated already) never hides them.
    /// </summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await reports.ListAsync(
            new ReportFilter(Statuses: [ReportStatus.New], CreatedBefore: now - options.ReportEscalationAfter), cancellationToken);
        var escalated = 0;
        foreach (var report in waiting)
        {
            var item = report.Number.ToString(CultureInfo.InvariantCulture);
            if (await sweeps.IsDoneAsync(Name, item, cancellationToken))
            {
                continue;
            }

            await EscalateAsync(report, now, cancellationToken);
            await sweeps.MarkDoneAsync(Name, item, now, cancellationToken);
            escalated++;
        }

        return escalated;
    }

    private async Task EscalateAsync(ProblemReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var grants = await roles.ListForCommunityAsync(report.CommunityId, cancellationToken);
        var moderators = await residents.GetManyAsync([.. grants.Select(grant => grant.ResidentId).Distinct()], cancellationToken);
        var told = await TellAsync(moderators, report, now, cancellationToken);
        if (told == 0)
        {
            told = await TellAsync(await SuperAdminsAsync(cancellationToken), report, now, cancellationToken);
        }

        LogEscalated(report.Number, report.CommunityId, told);
    }

    /// <returns>How many were queued the message (again counted on a repeat, though nothing new is queued).</returns>
    private Task<int> TellAsync(IEnumerable<Resident> moderators, ProblemReport report, DateTimeOffset now, CancellationToken cancellationToken) =>
        notifier.NotifyEachAsync(
            [.. moderators
                .Where(moderator => !moderator.IsBlocked)
                .Select(moderator => new ResidentNotice(
                    moderator, NotificationKey(report.Number), language => Compose(language, report), Subscription.Of(moderator).NotBefore(now)))],
            OutboxPriority.Reply,
            cancellationToken);

    /// <summary>The residents behind the configured super-admin identities; one who never wrote to the bot cannot be told.</summary>
    private async Task<List<Resident>> SuperAdminsAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Resident>(StringComparer.Ordinal);
        foreach (var identity in admins.SuperAdmins)
        {
            if (await residents.FindByIdentityAsync(identity, cancellationToken) is { } resident)
            {
                found.TryAdd(resident.Id, resident);
            }
        }

        return [.. found.Values];
    }

    private OutboundReply Compose(Language language, ProblemReport report) =>
        new(Texts.Get(
            language,
            "Issues_Escalated",
            report.Number,
            ReportNames.Category(language, report.Category),
            communities.Find(report.CommunityId) is { } community ? CommunityDirectory.NameOf(community, language) : report.CommunityId,
            KyivTime.Format(report.CreatedAt)))
        {
            Buttons = [[new ReplyButton(
                Texts.Get(language, "Issues_OpenReport", report.Number),
                string.Create(CultureInfo.InvariantCulture, $"{IssuesDialog.Command} {report.Number}"))]],
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Number} of {CommunityId} unacknowledged: escalated to {Told} moderators")]
    private partial void LogEscalated(long number, string communityId, int told);
}
