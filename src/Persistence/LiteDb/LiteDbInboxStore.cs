using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbInboxStore : IInboxStore
{
    private readonly ILiteCollection<InboxDocument> _inbox;

    public LiteDbInboxStore(LiteDatabase database)
    {
        // The Int64 auto id is the sequence: assigned under the collection's write lock, so it only grows.
        _inbox = database.GetCollection<InboxDocument>("inbox", BsonAutoId.Int64);
        _inbox.EnsureIndex(d => d.UpdateKey, unique: true);
        _inbox.EnsureIndex(d => d.Status);
    }

    public Task<InboxEntry?> TryAddAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var document = InboxDocument.From(message, sequence: 0);
        try
        {
            _inbox.Insert(document);
        }
        catch (LiteException exception) when (LiteDbFile.IsDuplicateKey(exception))
        {
            return Task.FromResult<InboxEntry?>(null);
        }

        return Task.FromResult<InboxEntry?>(new InboxEntry(document.Id, message, InboxStatus.Pending));
    }

    public Task<IReadOnlyList<InboxEntry>> GetPendingAsync(CancellationToken cancellationToken)
    {
        var pending = _inbox.Query()
            .Where(d => d.Status == nameof(InboxStatus.Pending))
            .OrderBy(d => d.Id)
            .ToList();
        return Task.FromResult<IReadOnlyList<InboxEntry>>([.. pending.Select(d => d.ToEntry())]);
    }

    public Task MarkAsync(long sequence, InboxStatus status, CancellationToken cancellationToken)
    {
        var name = status.ToString();
        _inbox.UpdateMany(d => new InboxDocument { Status = name }, d => d.Id == sequence);
        return Task.CompletedTask;
    }
}
