using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbResidentStore : IResidentStore
{
    private readonly ILiteCollection<ResidentDocument> _residents;

    public LiteDbResidentStore(LiteDatabase database)
    {
        _residents = database.GetCollection<ResidentDocument>("residents");
        _residents.EnsureIndex("identityKeys", "$.IdentityKeys[*]", unique: true);
    }

    public Task<Resident?> FindByIdentityAsync(IdentityKey identity, CancellationToken cancellationToken)
    {
        var key = ResidentDocument.KeyOf(identity);
        var document = _residents.FindOne(d => d.IdentityKeys.Contains(key));
        return Task.FromResult(document?.ToResident());
    }

    public Task<Resident?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_residents.FindById(id)?.ToResident());

    public Task SaveAsync(Resident resident, CancellationToken cancellationToken)
    {
        try
        {
            _residents.Upsert(ResidentDocument.From(resident));
        }
        catch (LiteException exception) when (LiteDbFile.IsDuplicateKey(exception))
        {
            throw ResidentDocument.IdentityTaken(exception);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        _residents.Delete(id);
        return Task.CompletedTask;
    }
}
