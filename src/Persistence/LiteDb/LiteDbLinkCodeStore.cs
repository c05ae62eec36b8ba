using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbLinkCodeStore : ILinkCodeStore
{
    private const string Collection = "linkCodes";

    private readonly ILiteCollection<LinkCodeDocument> _codes;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var codes = database.GetCollection<LinkCodeDocument>(Collection);
        codes.EnsureIndex(d => d.Code, unique: true);
        codes.EnsureIndex(d => d.ExpiresAt);
    }

    public LiteDbLinkCodeStore(LiteDatabase database, LiteDbWriter writer)
    {
        _codes = database.GetCollection<LinkCodeDocument>(Collection);
        _writer = writer;
    }

    public async Task SaveAsync(LinkCode code, CancellationToken cancellationToken)
    {
        var document = LinkCodeDocument.From(code);
        try
        {
            await _writer.WriteAsync(() => _codes.Upsert(document));
        }
        catch (LiteException exception) when (LiteDbFile.IsDuplicateKey(exception))
        {
            throw LinkCodeDocument.CodeTaken(exception);
        }
    }

    /// <summary>The find and the delete are one write, so a code is taken once.</summary>
    public Task<LinkCode?> TakeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = DocumentFormat.ToStored(now);
        return _writer.WriteAsync(() =>
        {
            // LiteDB has no TTL index: expired codes go whenever one is taken.
            _codes.DeleteMany(d => d.ExpiresAt <= at);
            var document = _codes.FindOne(d => d.Code == code);
            if (document is null)
            {
                return null;
            }

            _codes.Delete(document.Id);
            return document.ToLinkCode();
        });
    }
}
