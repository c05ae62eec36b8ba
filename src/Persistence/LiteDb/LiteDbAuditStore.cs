using Hromada.Core.Moderation;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbAuditStore : IAuditStore
{
    private const string Collection = "audit";

    private readonly ILiteCollection<AuditDocument> _audit;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var audit = database.GetCollection<AuditDocument>(Collection);
        audit.EnsureIndex(d => d.CommunityId);
        audit.EnsureIndex(d => d.ActorResidentId);
        audit.EnsureIndex(d => d.Target);
    }

    public LiteDbAuditStore(LiteDatabase database, LiteDbWriter writer)
    {
        _audit = database.GetCollection<AuditDocument>(Collection);
        _writer = writer;
    }

    /// <summary>Ids in the order entries are written: the last id is read and the next written in one write.</summary>
    public Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            var lastId = _audit.Query().OrderByDescending(d => d.Id).Select(d => d.Id).FirstOrDefault();
            var document = AuditDocument.From(entry, lastId + 1);
            _audit.Insert(document);
            return document.ToEntry();
        });

    /// <summary>Per community, the index gives its latest entries; the newest of those are merged.</summary>
    public Task<IReadOnlyList<AuditEntry>> ListRecentAsync(
        IReadOnlyCollection<string>? communityIds, int limit, CancellationToken cancellationToken)
    {
        var documents = communityIds is null
            ? _audit.Query().OrderByDescending(d => d.Id).Limit(limit).ToList()
            : communityIds.Distinct().SelectMany(id => _audit.Query().Where(d => d.CommunityId == id).OrderByDescending(d => d.Id).Limit(limit).ToList());
        return Task.FromResult<IReadOnlyList<AuditEntry>>(
            [.. documents.OrderByDescending(d => d.Id).Take(limit).Select(d => d.ToEntry())]);
    }

    public Task<IReadOnlyList<AuditEntry>> ListForResidentAsync(string residentId, CancellationToken cancellationToken)
    {
        var target = AuditTargets.Resident(residentId);
        var documents = _audit.Find(d => d.ActorResidentId == residentId).Concat(_audit.Find(d => d.Target == target));
        return Task.FromResult<IReadOnlyList<AuditEntry>>(
            [.. documents.DistinctBy(d => d.Id).OrderBy(d => d.Id).Select(d => d.ToEntry())]);
    }
}
