using Hromada.Core.Reports;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoReportStore(IMongoDatabase database) : IReportStore
{
    private readonly IMongoCollection<ReportDocument> _reports = Collection(database);
    private readonly MongoCounters _counters = new(database);

    public static IMongoCollection<ReportDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<ReportDocument>("reports");

    public static async Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<ReportDocument>.IndexKeys;
        await Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.Number), new CreateIndexOptions { Unique = true }),
                new(keys.Ascending(d => d.FollowerIds).Descending(d => d.CreatedAt)),
                new(keys.Ascending(d => d.Category).Ascending(d => d.Status).Ascending(d => d.Latitude).Ascending(d => d.Longitude)),
                new(keys.Ascending(d => d.CommunityId).Ascending(d => d.Status).Ascending(d => d.CreatedAt)),
                new(keys.Descending(d => d.CreatedAt)),
            ],
            cancellationToken);
    }

    /// <summary>
    /// The number comes from a counter shared by every instance. When two instances add the same
    /// report at once, the _id index lets one in and the other returns it; its reserved number stays unused.
    /// </summary>
    public async Task<ProblemReport> AddAsync(ProblemReport report, CancellationToken cancellationToken)
    {
        if (await FindByIdAsync(report.Id, cancellationToken) is { } stored)
        {
            return stored.ToReport();
        }

        var number = await _counters.ReserveAsync("reports", 1, cancellationToken);
        var document = ReportDocument.From(report, number, version: 1);
        try
        {
            await _reports.InsertOneAsync(document, cancellationToken: cancellationToken);
            return document.ToReport();
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            return (await FindByIdAsync(report.Id, cancellationToken))?.ToReport() ?? throw new InvalidOperationException(
                $"Report {report.Id} collided on a unique index but is not stored.", exception);
        }
    }

    /// <summary>The filter on the version makes compare and write one atomic step.</summary>
    public async Task<bool> TryUpdateAsync(ProblemReport report, CancellationToken cancellationToken)
    {
        var result = await _reports.ReplaceOneAsync(
            d => d.Id == report.Id && d.Version == report.Version && d.Number == report.Number,
            ReportDocument.From(report, report.Number, report.Version + 1),
            cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<ProblemReport?> GetAsync(long number, CancellationToken cancellationToken)
    {
        var document = await _reports.Find(d => d.Number == number).FirstOrDefaultAsync(cancellationToken);
        return document?.ToReport();
    }

    public Task<IReadOnlyList<ProblemReport>> ListByResidentAsync(string residentId, CancellationToken cancellationToken) =>
        ListAsync(Filter.AnyEq(d => d.FollowerIds, residentId), newestFirst: true, limit: null, offset: 0, cancellationToken);

    public Task<IReadOnlyList<ProblemReport>> ListOpenInBoxAsync(ReportCategory category, GeoBox box, CancellationToken cancellationToken) =>
        ListAsync(
            Filter.Eq(d => d.Category, category.ToString())
                & Filter.In(d => d.Status, ReportDocument.OpenStatuses)
                & Filter.Gte(d => d.Latitude, box.MinLatitude) & Filter.Lte(d => d.Latitude, box.MaxLatitude)
                & Filter.Gte(d => d.Longitude, box.MinLongitude) & Filter.Lte(d => d.Longitude, box.MaxLongitude),
            newestFirst: false,
            limit: null,
            offset: 0,
            cancellationToken);

    public Task<IReadOnlyList<ProblemReport>> ListForModerationAsync(string communityId, ReportStatus status, CancellationToken cancellationToken) =>
        ListAsync(
            Filter.Eq(d => d.CommunityId, communityId) & Filter.Eq(d => d.Status, status.ToString()),
            newestFirst: false,
            limit: null,
            offset: 0,
            cancellationToken);

    public Task<IReadOnlyList<ProblemReport>> ListAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var query = Filter.Empty;
        if (filter.CommunityId is { } communityId)
        {
            query &= Filter.Eq(d => d.CommunityId, communityId);
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            query &= Filter.In(d => d.Status, statuses.Select(status => status.ToString()));
        }

        if (filter.Categories is { Count: > 0 } categories)
        {
            query &= Filter.In(d => d.Category, categories.Select(category => category.ToString()));
        }

        if (filter.CreatedFrom is { } from)
        {
            query &= Filter.Gte(d => d.CreatedAt, DocumentFormat.ToStored(from));
        }

        if (filter.CreatedBefore is { } before)
        {
            query &= Filter.Lt(d => d.CreatedAt, DocumentFormat.ToStored(before));
        }

        return ListAsync(query, newestFirst: true, filter.Limit, filter.Offset, cancellationToken);
    }

    private static FilterDefinitionBuilder<ReportDocument> Filter => Builders<ReportDocument>.Filter;

    private async Task<ReportDocument?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        await _reports.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<ProblemReport>> ListAsync(
        FilterDefinition<ReportDocument> filter, bool newestFirst, int? limit, int offset, CancellationToken cancellationToken)
    {
        var sort = Builders<ReportDocument>.Sort;
        var found = await _reports.Find(filter)
            .Sort(newestFirst
                ? sort.Descending(d => d.CreatedAt).Descending(d => d.Number)
                : sort.Ascending(d => d.CreatedAt).Ascending(d => d.Number))
            .Skip(offset)
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return [.. found.Select(d => d.ToReport())];
    }
}
