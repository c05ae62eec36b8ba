using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbInboxStore : IInboxStore
{
    private readonly ILiteCollection<InboxDocument> _inbox;
    private readonly LiteDbWriter _writer;

    public LiteDbInboxStore(LiteDatabase database, LiteDbWriter writer)
    {
        // The Int64 auto id is the sequence: assigned under the collection's write lock, so it only grows.
        _inbox = database.GetCollection<InboxDocument>("inbox", BsonAutoId.Int64);
        _inbox.EnsureIndex(d => d.UpdateKey, unique: true);
        _inbox.EnsureIndex(d => d.Status);
        _writer = writer;
    }

    /// <summary>
    /// Checked before the insert rather than caught after: a duplicate key would roll back the whole
    /// group commit. The unique index stays as the last word.
    /// </summary>
    public Task<InboxEntry?> TryAddAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var document = InboxDocument.From(message, sequence: 0);
        return _writer.WriteAsync(() =>
        {
            if (_inbox.Exists("$.UpdateKey = @0", document.UpdateKey))
            {
                return null;
            }

            // A write may run twice (its batch rolled back): each run takes a new sequence.
            document.Id = 0;
            _inbox.Insert(document);
            return new InboxEntry(document.Id, message, InboxStatus.Pending);
        });
    }

    public Task<IReadOnlyList<InboxEntry>> GetPendingAsync(CancellationToken cancellationToken)
    {
        var pending = _inbox.Query()
            .Where(d => d.Status == nameof(InboxStatus.Pending))
            .OrderBy(d => d.Id)
            .ToList();
        return Task.FromResult<IReadOnlyList<InboxEntry>>([.. pending.Select(d => d.ToEntry())]);
    }

    public Task MarkAsync(long sequence, InboxStatus status, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() => Mark(sequence, status));

    /// <summary>On the writer's thread only.</summary>
    internal void Mark(long sequence, InboxStatus status)
    {
        if (_inbox.FindById(sequence) is { } document)
        {
            document.Status = status.ToString();
            _inbox.Update(document);
        }
    }
}
