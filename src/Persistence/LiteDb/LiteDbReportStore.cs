using Hromada.Core.Reports;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbReportStore : IReportStore
{
    private const string Collection = "reports";

    private readonly ILiteCollection<ReportDocument> _reports;

    /// <summary>Makes "next number, insert" and "compare version, replace" single steps; the unique index on the number backs it.</summary>
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var reports = database.GetCollection<ReportDocument>(Collection);
        reports.EnsureIndex(d => d.Number, unique: true);
        reports.EnsureIndex("followerIds", "$.FollowerIds[*]");
        reports.EnsureIndex(d => d.Latitude);
        reports.EnsureIndex(d => d.CommunityId);
        reports.EnsureIndex(d => d.CreatedAt);
    }

    public LiteDbReportStore(LiteDatabase database, LiteDbWriter writer)
    {
        _reports = database.GetCollection<ReportDocument>(Collection);
        _writer = writer;
    }

    public Task<ProblemReport> AddAsync(ProblemReport report, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            if (_reports.FindById(report.Id) is { } stored)
            {
                return stored.ToReport();
            }

            var last = _reports.Query().OrderByDescending(d => d.Number).Limit(1).FirstOrDefault()?.Number ?? 0;
            var document = ReportDocument.From(report, last + 1, version: 1);
            _reports.Insert(document);
            return document.ToReport();
        });

    public Task<bool> TryUpdateAsync(ProblemReport report, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            if (_reports.FindById(report.Id) is not { } stored || stored.Version != report.Version)
            {
                return false;
            }

            _reports.Update(ReportDocument.From(report, stored.Number, report.Version + 1));
            return true;
        });

    public Task<ProblemReport?> GetAsync(long number, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.FindOne(d => d.Number == number)?.ToReport());

    public Task<IReadOnlyList<ProblemReport>> ListByResidentAsync(string residentId, CancellationToken cancellationToken) =>
        Listed(_reports.Find(BsonExpression.Create("$.FollowerIds[*] ANY = @0", residentId)), Newest);

    /// <summary>The latitude index narrows to a band a few hundred metres wide; the rest is filtered here.</summary>
    public Task<IReadOnlyList<ProblemReport>> ListOpenInBoxAsync(ReportCategory category, GeoBox box, CancellationToken cancellationToken)
    {
        var name = category.ToString();
        var found = _reports.Find(d => d.Latitude >= box.MinLatitude && d.Latitude <= box.MaxLatitude)
            .Where(d => d.Category == name && ReportDocument.OpenStatuses.Contains(d.Status)
                && d.Longitude >= box.MinLongitude && d.Longitude <= box.MaxLongitude);
        return Listed(found, Oldest);
    }

    public Task<IReadOnlyList<ProblemReport>> ListForModerationAsync(string communityId, ReportStatus status, CancellationToken cancellationToken)
    {
        var name = status.ToString();
        return Listed(_reports.Find(d => d.CommunityId == communityId).Where(d => d.Status == name), Oldest);
    }

    public Task<IReadOnlyList<ProblemReport>> ListAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var from = filter.CreatedFrom is { } start ? DocumentFormat.ToStored(start) : DateTime.MinValue;
        var before = filter.CreatedBefore is { } end ? DocumentFormat.ToStored(end) : DateTime.MaxValue;
        var statuses = filter.Statuses is { Count: > 0 } s ? s.Select(status => status.ToString()).ToHashSet() : null;
        var categories = filter.Categories is { Count: > 0 } c ? c.Select(category => category.ToString()).ToHashSet() : null;
        var found = _reports.Find(d => d.CreatedAt >= from && d.CreatedAt < before)
            .Where(d => (filter.CommunityId is null || d.CommunityId == filter.CommunityId)
                && (statuses is null || statuses.Contains(d.Status))
                && (categories is null || categories.Contains(d.Category)));
        return Listed(found, Newest, filter.Limit, filter.Offset);
    }

    private static IEnumerable<ReportDocument> Newest(IEnumerable<ReportDocument> documents) =>
        documents.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Number);

    private static IEnumerable<ReportDocument> Oldest(IEnumerable<ReportDocument> documents) =>
        documents.OrderBy(d => d.CreatedAt).ThenBy(d => d.Number);

    private static Task<IReadOnlyList<ProblemReport>> Listed(
        IEnumerable<ReportDocument> documents, Func<IEnumerable<ReportDocument>, IEnumerable<ReportDocument>> order, int limit = int.MaxValue, int offset = 0) =>
        Task.FromResult<IReadOnlyList<ProblemReport>>([.. order(documents).Skip(offset).Take(limit).Select(d => d.ToReport())]);
}
