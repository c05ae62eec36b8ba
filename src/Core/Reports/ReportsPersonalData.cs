using Hromada.Core.Conversations;
using Hromada.Core.Residents;

namespace Hromada.Core.Reports;

/// <summary>
/// The "reports" part of /mydata: the reports the resident filed, whole, and those they joined, by
/// number and status only (their text is another resident's). Moderators' ids are staff data and stay out.
/// On /forget every report stays, open or closed: the problem is the community's and the city's to
/// solve, and others may have joined it; only the resident's link to it goes, as reporter or joiner.
/// </summary>
public sealed class ReportsPersonalData(IReportStore reports) : IPersonalDataSection
{
    public string Name => "reports";

    public async Task<object?> ExportAsync(Resident resident, CancellationToken cancellationToken)
    {
        var all = await reports.ListByResidentAsync(resident.Id, cancellationToken);
        if (all.Count == 0)
        {
            return null;
        }

        return new Export(
            [.. all.Where(report => report.ReporterId == resident.Id).Select(Filed.From)],
            [.. all.Where(report => report.ReporterId != resident.Id).Select(report => new Joined(report.Number, report.Category, report.Status))]);
    }

    public async Task ForgetAsync(Resident resident, CancellationToken cancellationToken)
    {
        foreach (var report in await reports.ListByResidentAsync(resident.Id, cancellationToken))
        {
            await reports.UpdateAsync(report.Number, stored => Without(stored, resident.Id), cancellationToken);
        }
    }

    /// <summary>The report without the resident; the same report when they no longer follow it, so nothing is written.</summary>
    private static ProblemReport Without(ProblemReport report, string residentId) => report.IsFollowedBy(residentId)
        ? report with
        {
            ReporterId = report.ReporterId == residentId ? ForgottenResident.Id : report.ReporterId,
            JoinedResidentIds = [.. report.JoinedResidentIds.Where(id => id != residentId)],
        }
        : report;

    private sealed record Export(IReadOnlyList<Filed> Filed, IReadOnlyList<Joined> Joined);

    private sealed record Joined(long Number, ReportCategory Category, ReportStatus Status);

    private sealed record Change(DateTimeOffset At, ReportStatus Status, string? Note);

    private sealed record Answer(DateTimeOffset At, string Text);

    private sealed record Filed(
        long Number,
        string CommunityId,
        ReportCategory Category,
        string Description,
        IReadOnlyList<string> PhotoIds,
        GeoPoint? Location,
        string? Address,
        bool AnonymousToPublic,
        ReportStatus Status,
        string? RejectionReason,
        IReadOnlyList<Change> History,
        IReadOnlyList<Answer> Replies,
        int? Rating,
        DateTimeOffset CreatedAt)
    {
        public static Filed From(ProblemReport report) => new(
            report.Number,
            report.CommunityId,
            report.Category,
            report.Description,
            report.PhotoIds,
            report.Location,
            report.Address,
            report.AnonymousToPublic,
            report.Status,
            report.RejectionReason,
            [.. report.History.Select(change => new Change(change.At, change.Status, change.Note))],
            [.. report.Replies.Select(reply => new Answer(reply.At, reply.Text))],
            report.Rating,
            report.CreatedAt);
    }
}
