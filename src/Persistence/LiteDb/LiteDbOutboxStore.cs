using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbOutboxStore : IOutboxStore
{
    private readonly ILiteCollection<OutboxDocument> _outbox;

    /// <summary>
    /// Serialises adds, so the check for stored keys and the insert act as one step. One bulk insert
    /// is one commit (fsync-bound, see DESIGN §4), and it fails whole on a duplicate, hence the check.
    /// </summary>
    private readonly Lock _addLock = new();

    public LiteDbOutboxStore(LiteDatabase database)
    {
        _outbox = database.GetCollection<OutboxDocument>("outbox", BsonAutoId.Int64);
        _outbox.EnsureIndex(d => d.IdempotencyKey, unique: true);
        _outbox.EnsureIndex(d => d.Status);
        _outbox.EnsureIndex(d => d.Chat);
    }

    public Task AddAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        lock (_addLock)
        {
            var seen = new HashSet<string>();
            var added = messages
                .Where(m => seen.Add(m.IdempotencyKey) && !_outbox.Exists(d => d.IdempotencyKey == m.IdempotencyKey))
                .Select(m => OutboxDocument.From(m, id: 0))
                .ToList();
            if (added.Count > 0)
            {
                _outbox.InsertBulk(added);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken)
    {
        var pending = _outbox.Query()
            .Where(d => d.Status == nameof(OutboxStatus.Pending))
            .OrderBy(d => d.Id)
            .Limit(limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<OutboxMessage>>([.. pending.Select(d => d.ToMessage())]);
    }

    public Task MarkAsync(long id, OutboxStatus status, CancellationToken cancellationToken)
    {
        var name = status.ToString();
        _outbox.UpdateMany(d => new OutboxDocument { Status = name }, d => d.Id == id);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxMessage>> ListForChatAsync(
        ChannelKind channel, string chatId, long afterId, CancellationToken cancellationToken)
    {
        var chat = DocumentFormat.Key(channel, chatId);
        var messages = _outbox.Query()
            .Where(d => d.Chat == chat && d.Id > afterId)
            .OrderBy(d => d.Id)
            .ToList();
        return Task.FromResult<IReadOnlyList<OutboxMessage>>([.. messages.Select(d => d.ToMessage())]);
    }
}
