using System.Runtime.CompilerServices;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbResidentStore : IResidentStore
{
    private const string Collection = "residents";

    private const int PageSize = 500;

    private readonly ILiteCollection<ResidentDocument> _residents;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var residents = database.GetCollection<ResidentDocument>(Collection);
        residents.EnsureIndex("identityKeys", "$.IdentityKeys[*]");
        residents.EnsureIndex(d => d.Phone);
        residents.EnsureIndex("followedCommunities", "$.FollowedCommunities[*]");
    }

    public LiteDbResidentStore(LiteDatabase database, LiteDbWriter writer)
    {
        _residents = database.GetCollection<ResidentDocument>(Collection);
        _writer = writer;
    }

    public Task<Resident?> FindByIdentityAsync(IdentityKey identity, CancellationToken cancellationToken) =>
        Task.FromResult(FindByKey(ResidentDocument.KeyOf(identity))?.ToResident());

    public Task<Resident?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_residents.FindById(id)?.ToResident());

    public Task<Resident?> FindByVerifiedPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        var document = _residents.Query()
            .Where(d => d.Phone == phone && d.PhoneVerified && d.RegisteredAt != null)
            .OrderBy(d => d.Id)
            .FirstOrDefault();
        return Task.FromResult(document?.ToResident());
    }

    /// <summary>
    /// LiteDB cannot make a multikey index unique, so the save checks the identities' owners and
    /// writes as one step on the writer's thread. A taken identity is reported, not thrown there,
    /// so it does not roll back the other writes committed with it.
    /// </summary>
    public async Task SaveAsync(Resident resident, CancellationToken cancellationToken)
    {
        var document = ResidentDocument.From(resident);
        if (!await _writer.WriteAsync(() => TrySave(document)))
        {
            throw ResidentDocument.IdentityTaken();
        }
    }

    public Task<bool> SetReachableAsync(IdentityKey identity, bool reachable, CancellationToken cancellationToken)
    {
        var channel = identity.Channel.ToString();
        return _writer.WriteAsync(() =>
        {
            if (FindByKey(ResidentDocument.KeyOf(identity)) is not { } document)
            {
                return false;
            }

            foreach (var stored in document.Identities.Where(i => i.Channel == channel && i.PlatformUserId == identity.PlatformUserId))
            {
                stored.Reachable = reachable;
            }

            _residents.Update(document);
            return true;
        });
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() => Delete(id));

    /// <summary>Stores the resident unless one of its identities is another resident's (false, nothing written). On the writer's thread only.</summary>
    internal bool TrySave(ResidentDocument document)
    {
        if (document.IdentityKeys.Any(key => FindByKey(key) is { } owner && owner.Id != document.Id))
        {
            return false;
        }

        _residents.Upsert(document);
        return true;
    }

    /// <summary>On the writer's thread only.</summary>
    internal void Delete(string id) => _residents.Delete(id);

    public Task<IReadOnlyList<Resident>> ListFollowingAsync(
        IReadOnlyCollection<string>? communityIds, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var query = _residents.Query().Where(d => d.RegisteredAt != null);
        if (communityIds is not null)
        {
            query = query.Where("$.FollowedCommunities[*] ANY IN @0", new BsonArray(communityIds.Select(id => new BsonValue(id))));
        }

        if (afterId is not null)
        {
            query = query.Where("_id > @0", afterId);
        }

        var page = query.OrderBy(d => d.Id).Limit(limit).ToList();
        return Task.FromResult<IReadOnlyList<Resident>>([.. page.Select(d => d.ToResident())]);
    }

    public Task<IReadOnlyList<Resident>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = ids.Select(id => _residents.FindById(id)).OfType<ResidentDocument>().Select(d => d.ToResident()).ToList();
        return Task.FromResult<IReadOnlyList<Resident>>(found);
    }

    /// <summary>
    /// Walks the primary key a page at a time, filtering as it goes: no query holds the file between
    /// pages, and the pages of one walk add up to one pass over the residents, whatever the community.
    /// </summary>
    public async IAsyncEnumerable<Resident> ListRegisteredAsync(
        string? communityId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = BsonValue.MinValue;
        while (true)
        {
            var page = _residents.Query()
                .Where(Query.GT("_id", after))
                .OrderBy("_id")
                .Limit(PageSize)
                .ToList();
            foreach (var document in page.Where(d => d.RegisteredAt is not null && (communityId is null || d.CommunityId == communityId)))
            {
                yield return document.ToResident();
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task SaveStatusesAsync(IReadOnlyCollection<Resident> residents, CancellationToken cancellationToken)
    {
        var byId = residents.ToDictionary(resident => resident.Id);
        return _writer.WriteAsync(() =>
        {
            var stored = _residents.Find(Query.In("_id", new BsonArray(byId.Keys.Select(id => new BsonValue(id))))).ToList();
            foreach (var document in stored)
            {
                document.Status = byId[document.Id].Status.ToString();
                document.SphereStatuses = ResidentDocument.StoredSphereStatuses(byId[document.Id]);
            }

            _residents.Update(stored);
        });
    }

    private ResidentDocument? FindByKey(string key) =>
        _residents.FindOne("$.IdentityKeys[*] ANY = @0", key);
}
