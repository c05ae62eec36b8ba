using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbResidentStore : IResidentStore
{
    private readonly ILiteCollection<ResidentDocument> _residents;
    private readonly LiteDbWriter _writer;

    public LiteDbResidentStore(LiteDatabase database, LiteDbWriter writer)
    {
        _residents = database.GetCollection<ResidentDocument>("residents");
        _residents.EnsureIndex("identityKeys", "$.IdentityKeys[*]");
        _residents.EnsureIndex(d => d.Phone);
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
        var saved = await _writer.WriteAsync(() =>
        {
            if (document.IdentityKeys.Any(key => FindByKey(key) is { } owner && owner.Id != document.Id))
            {
                return false;
            }

            _residents.Upsert(document);
            return true;
        });
        if (!saved)
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
        _writer.WriteAsync(() => _residents.Delete(id));

    private ResidentDocument? FindByKey(string key) =>
        _residents.FindOne("$.IdentityKeys[*] ANY = @0", key);
}
