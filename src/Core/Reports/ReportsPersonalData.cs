using Hromada.Core.Conversations;
using Hromada.Core.Residents;

namespace Hromada.Core.Reports;

/// <summary>
/// The "reports" part of /mydata: the reports the resident filed, whole, and those they joined, by
/// number and status only (their text is another resident's). Moderators' ids are staff data and stay out.
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
