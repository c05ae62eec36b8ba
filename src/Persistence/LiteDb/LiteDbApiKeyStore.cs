using Hromada.Core.ApiKeys;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbApiKeyStore : IApiKeyStore
{
    private const string Collection = "apiKeys";

    private readonly ILiteCollection<ApiKeyDocument> _keys;

    /// <summary>Makes a revocation's read and write one step; the file has no other writer (direct mode).</summary>
    private readonly Lock _writeLock = new();

    /// <summary>The index (the list's order) also creates the collection before concurrent writers can (see <see cref="LiteDbSweepStore"/>).</summary>
    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var keys = database.GetCollection<ApiKeyDocument>(Collection);
        keys.EnsureIndex(d => d.CreatedAt);
    }

    public LiteDbApiKeyStore(LiteDatabase database)
    {
        _keys = database.GetCollection<ApiKeyDocument>(Collection);
    }

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        try
        {
            _keys.Insert(ApiKeyDocument.From(key));
        }
        catch (LiteException exception) when (LiteDbFile.IsDuplicateKey(exception))
        {
            throw ApiKeyDocument.IdTaken(exception);
        }

        return Task.CompletedTask;
    }

    public Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.FindById(id)?.ToApiKey());

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = _keys.FindAll()
            .Select(d => d.ToApiKey())
            .OrderByDescending(key => key.CreatedAt)
            .ThenBy(key => key.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<ApiKey>>(keys);
    }

    public Task<ApiKey?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            var document = _keys.FindById(id);
            if (document is { RevokedAt: null })
            {
                document.RevokedAt = DocumentFormat.ToStored(at);
                _keys.Update(document);
            }

            return Task.FromResult(document?.ToApiKey());
        }
    }
}
