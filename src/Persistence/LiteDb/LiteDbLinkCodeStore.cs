using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbLinkCodeStore : ILinkCodeStore
{
    private const string Collection = "linkCodes";

    private readonly ILiteCollection<LinkCodeDocument> _codes;

    /// <summary>Makes each take a find-and-delete, so a code is taken once; the file has no other writer (direct mode).</summary>
    private readonly Lock _writeLock = new();

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var codes = database.GetCollection<LinkCodeDocument>(Collection);
        codes.EnsureIndex(d => d.Code, unique: true);
        codes.EnsureIndex(d => d.ExpiresAt);
    }

    public LiteDbLinkCodeStore(LiteDatabase database)
    {
        _codes = database.GetCollection<LinkCodeDocument>(Collection);
    }

    public Task SaveAsync(LinkCode code, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            try
            {
                _codes.Upsert(LinkCodeDocument.From(code));
            }
            catch (LiteException exception) when (LiteDbFile.IsDuplicateKey(exception))
            {
                throw LinkCodeDocument.CodeTaken(exception);
            }
        }

        return Task.CompletedTask;
    }

    public Task<LinkCode?> TakeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = DocumentFormat.ToStored(now);
        lock (_writeLock)
        {
            // LiteDB has no TTL index: expired codes go whenever one is taken.
            _codes.DeleteMany(d => d.ExpiresAt <= at);
            var document = _codes.FindOne(d => d.Code == code);
            if (document is null)
            {
                return Task.FromResult<LinkCode?>(null);
            }

            _codes.Delete(document.Id);
            return Task.FromResult<LinkCode?>(document.ToLinkCode());
        }
    }
}
