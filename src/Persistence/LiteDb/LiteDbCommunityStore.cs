using Hromada.Core.Communities;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbCommunityStore(LiteDatabase database, LiteDbWriter writer) : ICommunityStore
{
    private const string Collection = "communities";

    private readonly ILiteCollection<CommunityDocument> _communities = database.GetCollection<CommunityDocument>(Collection);

    /// <summary>Creates the collection: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database) => LiteDbSchema.CreateCollection(database, Collection);

    public Task<IReadOnlyList<Community>> ListAsync(CancellationToken cancellationToken)
    {
        var communities = _communities.Query().OrderBy(d => d.Id).ToList();
        return Task.FromResult<IReadOnlyList<Community>>([.. communities.Select(d => d.ToCommunity())]);
    }

    public Task<Community?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_communities.FindById(id)?.ToCommunity());

    public Task UpsertAsync(IReadOnlyList<Community> communities, CancellationToken cancellationToken)
    {
        var documents = communities.Select(CommunityDocument.From).ToList();
        return writer.WriteAsync(() => _communities.Upsert(documents));
    }
}
