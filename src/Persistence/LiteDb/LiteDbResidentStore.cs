using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbResidentStore : IResidentStore
{
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
        _residents.EnsureIndex("followedCommunities", "$.FollowedCommunities[*]");
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

    private ResidentDocument? FindByKey(string key) =>
        _residents.FindOne("$.IdentityKeys[*] ANY = @0", key);
}
