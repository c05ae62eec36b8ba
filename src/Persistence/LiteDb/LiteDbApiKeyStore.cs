using Hromada.Core.ApiKeys;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbApiKeyStore : IApiKeyStore
{
    private const string Collection = "apiKeys";

    private readonly ILiteCollection<ApiKeyDocument> _keys;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var keys = database.GetCollection<ApiKeyDocument>(Collection);
        keys.EnsureIndex(d => d.CreatedAt);
    }

    public LiteDbApiKeyStore(LiteDatabase database, LiteDbWriter writer)
    {
        _keys = database.GetCollection<ApiKeyDocument>(Collection);
        _writer = writer;
    }

    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        try
        {
            await _writer.WriteAsync(() => _keys.Insert(ApiKeyDocument.From(key)));
        }
        catch (LiteException exception) when (LiteDbFile.IsDuplicateKey(exception))
        {
            throw ApiKeyDocument.IdTaken(exception);
        }
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

    public Task<ApiKey?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            var document = _keys.FindById(id);
            if (document is { RevokedAt: null })
            {
                document.RevokedAt = DocumentFormat.ToStored(at);
                _keys.Update(document);
            }

            return document?.ToApiKey();
        });
}
