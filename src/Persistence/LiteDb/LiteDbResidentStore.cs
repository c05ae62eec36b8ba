using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbResidentStore : IResidentStore
{
    private const int PageSize = 1000;

    private readonly ILiteCollection<ResidentDocument> _residents;

    /// <summary>
    /// LiteDB cannot make a multikey index unique, so saves check the identities' owners and write
    /// as one step under this lock; the file has no other writer (direct mode).
    /// </summary>
    private readonly Lock _saveLock = new();

    public LiteDbResidentStore(LiteDatabase database)
    {
        _residents = database.GetCollection<ResidentDocument>("residents");
        _residents.EnsureIndex("identityKeys", "$.IdentityKeys[*]");
        _residents.EnsureIndex(d => d.Phone);
    }

    public Task<Resident?> FindByIdentityAsync(IdentityKey identity, CancellationToken cancellationToken) =>
        Task.FromResult(FindByKey(ResidentDocument.KeyOf(identity))?.ToResident());

    public Task<Resident?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_residents.FindById(id)?.ToResident());

    public Task<IReadOnlyList<Resident>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = _residents.Find(Query.In("_id", new BsonArray(ids.Select(id => new BsonValue(id))))).Select(d => d.ToResident()).ToList();
        return Task.FromResult<IReadOnlyList<Resident>>(found);
    }

    /// <summary>Each page is read whole before it is handed out: no LiteDB cursor stays open while the caller works.</summary>
    public IAsyncEnumerable<Resident> ListRegisteredAsync(CancellationToken cancellationToken) =>
        RegisteredPages().SelectMany(page => page).ToAsyncEnumerable();

    public Task SaveStatusesAsync(IReadOnlyCollection<Resident> residents, CancellationToken cancellationToken)
    {
        var byId = residents.ToDictionary(resident => resident.Id);
        lock (_saveLock)
        {
            var stored = _residents.Find(Query.In("_id", new BsonArray(byId.Keys.Select(id => new BsonValue(id))))).ToList();
            foreach (var document in stored)
            {
                document.Status = byId[document.Id].Status.ToString();
                document.SphereStatuses = ResidentDocument.StoredSphereStatuses(byId[document.Id]);
            }

            _residents.Update(stored);
        }

        return Task.CompletedTask;
    }

    public Task<Resident?> FindByVerifiedPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        var document = _residents.Query()
            .Where(d => d.Phone == phone && d.PhoneVerified && d.RegisteredAt != null)
            .OrderBy(d => d.Id)
            .FirstOrDefault();
        return Task.FromResult(document?.ToResident());
    }

    public Task SaveAsync(Resident resident, CancellationToken cancellationToken)
    {
        var document = ResidentDocument.From(resident);
        lock (_saveLock)
        {
            if (document.IdentityKeys.Any(key => FindByKey(key) is { } owner && owner.Id != document.Id))
            {
                throw ResidentDocument.IdentityTaken();
            }

            _residents.Upsert(document);
        }

        return Task.CompletedTask;
    }

    public Task<bool> SetReachableAsync(IdentityKey identity, bool reachable, CancellationToken cancellationToken)
    {
        var channel = identity.Channel.ToString();
        lock (_saveLock)
        {
            if (FindByKey(ResidentDocument.KeyOf(identity)) is not { } document)
            {
                return Task.FromResult(false);
            }

            foreach (var stored in document.Identities.Where(i => i.Channel == channel && i.PlatformUserId == identity.PlatformUserId))
            {
                stored.Reachable = reachable;
            }

            _residents.Update(document);
        }

        return Task.FromResult(true);
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        lock (_saveLock)
        {
            _residents.Delete(id);
        }

        return Task.CompletedTask;
    }

    private IEnumerable<List<Resident>> RegisteredPages()
    {
        var after = BsonValue.MinValue;
        while (true)
        {
            var page = _residents.Query()
                .Where(Query.GT("_id", after))
                .OrderBy("_id")
                .Limit(PageSize)
                .ToList();
            if (page.Count == 0)
            {
                yield break;
            }

            after = page[^1].Id;
            yield return [.. page.Where(d => d.RegisteredAt is not null).Select(d => d.ToResident())];
        }
    }

    private ResidentDocument? FindByKey(string key) =>
        _residents.FindOne("$.IdentityKeys[*] ANY = @0", key);
}
