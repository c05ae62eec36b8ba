using Hromada.Core.Conversations;

namespace Hromada.Core.Reports;

/// <summary>What a listing of reports is narrowed to; an empty set or a null bound narrows nothing.</summary>
/// <param name="CreatedFrom">Reports filed at or after this time.</param>
/// <param name="CreatedBefore">Reports filed before this time.</param>
/// <param name="Offset">How many of the matching reports, newest first, to skip before the <paramref name="Limit"/>.</param>
public sealed record ReportFilter(
    string? CommunityId = null,
    IReadOnlyCollection<ReportStatus>? Statuses = null,
    IReadOnlyCollection<ReportCategory>? Categories = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedBefore = null,
    int Limit = 1000,
    int Offset = 0);

public interface IReportStore
{
    /// <summary>
    /// Stores a new report with the next number. Adding a report whose <see cref="ProblemReport.Id"/>
    /// is stored already (the same filing handled twice) stores nothing and gives no new number.
    /// </summary>
    /// <returns>The report as stored, with its number and version 1.</returns>
    Task<ProblemReport> AddAsync(ProblemReport report, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the report if the stored version still equals <see cref="ProblemReport.Version"/>, and
    /// increments the version; so two changes made at once never lose one another.
    /// </summary>
    /// <returns>False when another writer changed it first (nothing is written then) or it is not stored.</returns>
    Task<bool> TryUpdateAsync(ProblemReport report, CancellationToken cancellationToken);

    Task<ProblemReport?> GetAsync(long number, CancellationToken cancellationToken);

    /// <summary>The reports the resident filed or joined, newest first.</summary>
    Task<IReadOnlyList<ProblemReport>> ListByResidentAsync(string residentId, CancellationToken cancellationToken);

    /// <summary>
    /// Open reports of the category whose location lies in the box. Callers narrow by true distance
    /// (see <see cref="ReportStoreExtensions.ListOpenNearAsync"/>).
    /// </summary>
    Task<IReadOnlyList<ProblemReport>> ListOpenInBoxAsync(ReportCategory category, GeoBox box, CancellationToken cancellationToken);

    /// <summary>The moderation queue of a community in one status, oldest first.</summary>
    Task<IReadOnlyList<ProblemReport>> ListForModerationAsync(string communityId, ReportStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Reports matching the filter, newest first, at most <see cref="ReportFilter.Limit"/> after skipping
    /// <see cref="ReportFilter.Offset"/> (the Open311 listing, the API's).
    /// </summary>
    Task<IReadOnlyList<ProblemReport>> ListAsync(ReportFilter filter, CancellationToken cancellationToken);
}

public static class ReportStoreExtensions
{
    /// <summary>Open reports of the category within <paramref name="metres"/> of the point, nearest first.</summary>
    public static async Task<IReadOnlyList<ProblemReport>> ListOpenNearAsync(
        this IReportStore store, ReportCategory category, GeoPoint point, double metres, CancellationToken cancellationToken)
    {
        var candidates = await store.ListOpenInBoxAsync(category, GeoDistance.Around(point, metres), cancellationToken);
        return [.. candidates
            .Select(report => (report, distance: GeoDistance.Metres(point, report.Location!)))
            .Where(found => found.distance <= metres)
            .OrderBy(found => found.distance)
            .ThenBy(found => found.report.Number)
            .Select(found => found.report)];
    }

    /// <summary>
    /// Reads the report, applies <paramref name="change"/> and stores the result, reading again when
    /// another writer changed it meanwhile.
    /// </summary>
    /// <param name="change">Returns the changed report, or null to store nothing.</param>
    /// <returns>The report as stored (or as read, when nothing changed); null when there is no such report.</returns>
    public static async Task<(ProblemReport Report, bool Changed)?> UpdateAsync(
        this IReportStore store, long number, Func<ProblemReport, ProblemReport?> change, CancellationToken cancellationToken)
    {
        const int maxAttempts = 10;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            if (await store.GetAsync(number, cancellationToken) is not { } report)
            {
                return null;
            }

            if (change(report) is not { } changed || ReferenceEquals(changed, report))
            {
                return (report, false);
            }

            if (await store.TryUpdateAsync(changed, cancellationToken))
            {
                return (changed with { Version = report.Version + 1 }, true);
            }
        }

        throw new InvalidOperationException($"Report {number} kept changing.");
    }
}
