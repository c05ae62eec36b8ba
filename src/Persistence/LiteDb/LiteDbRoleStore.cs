using Hromada.Core.Moderation;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbRoleStore : IRoleStore
{
    private const string Collection = "roles";

    private readonly ILiteCollection<RoleGrantDocument> _roles;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var roles = database.GetCollection<RoleGrantDocument>(Collection);
        roles.EnsureIndex(d => d.ResidentId);
        roles.EnsureIndex(d => d.CommunityId);
    }

    public LiteDbRoleStore(LiteDatabase database, LiteDbWriter writer)
    {
        _roles = database.GetCollection<RoleGrantDocument>(Collection);
        _writer = writer;
    }

    public Task SaveAsync(RoleGrant grant, CancellationToken cancellationToken)
    {
        var document = RoleGrantDocument.From(grant);
        return _writer.WriteAsync(() => _roles.Upsert(document));
    }

    public Task<bool> DeleteAsync(string residentId, string communityId, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() => _roles.Delete(RoleGrantDocument.KeyOf(residentId, communityId)));

    public Task<IReadOnlyList<RoleGrant>> ListForResidentAsync(string residentId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RoleGrant>>(
            [.. _roles.Find(d => d.ResidentId == residentId).Select(d => d.ToGrant()).OrderBy(grant => grant.CommunityId, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<RoleGrant>> ListForCommunityAsync(string communityId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RoleGrant>>(
            [.. _roles.Find(d => d.CommunityId == communityId).Select(d => d.ToGrant()).OrderBy(grant => grant.ResidentId, StringComparer.Ordinal)]);
}
