using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbOutboxStore : IOutboxStore
{
    private static readonly string Pending = nameof(OutboxStatus.Pending);

    private readonly ILiteCollection<OutboxDocument> _outbox;

    /// <summary>
    /// Serialises every read-modify-write (adds, claims, retries, receipts), so each acts as one step;
    /// the file has no other writer (direct mode). A bulk insert or update is one commit (fsync-bound,
    /// see DESIGN §4), and an insert fails whole on a duplicate, hence the check before it.
    /// </summary>
    private readonly Lock _writeLock = new();

    public LiteDbOutboxStore(LiteDatabase database)
    {
        _outbox = database.GetCollection<OutboxDocument>("outbox", BsonAutoId.Int64);
        _outbox.EnsureIndex(d => d.IdempotencyKey, unique: true);
        _outbox.EnsureIndex(d => d.Status);
        _outbox.EnsureIndex(d => d.Chat);
        _outbox.EnsureIndex(d => d.PlatformMessageId);
    }

    public Task AddAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        lock (_writeLock)
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

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var dueBy = DocumentFormat.ToStored(now);
        var leasedUntil = DocumentFormat.ToStored(now + lease);
        lock (_writeLock)
        {
            var claimed = new List<OutboxDocument>();
            foreach (var priority in Enum.GetValues<OutboxPriority>().Select(p => (int)p).Order())
            {
                if (claimed.Count >= limit)
                {
                    break;
                }

                claimed.AddRange(_outbox.Query()
                    .Where(d => d.Status == Pending && d.Priority == priority && d.DueAt <= dueBy)
                    .OrderBy(d => d.Id)
                    .Limit(limit - claimed.Count)
                    .ToList());
            }

            foreach (var document in claimed)
            {
                document.DueAt = leasedUntil;
            }

            _outbox.Update(claimed);
            return Task.FromResult<IReadOnlyList<OutboxMessage>>([.. claimed.Select(d => d.ToMessage())]);
        }
    }

    public Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Change(id, d =>
        {
            d.Status = nameof(OutboxStatus.Sent);
            d.PlatformMessageId = platformMessageId;
            d.SentAt = DocumentFormat.ToStored(sentAt);
        });

    public Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken) =>
        Change(id, d =>
        {
            d.Status = nameof(OutboxStatus.Failed);
            d.FailureReason = reason;
        });

    public Task RetryLaterAsync(long id, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
        Change(id, d =>
        {
            d.Status = Pending;
            d.NotBefore = d.DueAt = DocumentFormat.ToStored(notBefore);
            d.Attempts++;
            d.FailureReason = reason;
        });

    public Task<int> DropPendingAsync(ChannelKind channel, string chatId, string reason, CancellationToken cancellationToken)
    {
        var chat = DocumentFormat.Key(channel, chatId);
        var dropped = nameof(OutboxStatus.Dropped);
        lock (_writeLock)
        {
            var count = _outbox.UpdateMany(
                d => new OutboxDocument { Status = dropped, FailureReason = reason },
                d => d.Chat == chat && d.Status == Pending);
            return Task.FromResult(count);
        }
    }

    public Task RecordReceiptAsync(
        ChannelKind channel, string platformMessageId, DeliveryReceipt receipt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var name = channel.ToString();
        var stored = DocumentFormat.ToStored(at);
        lock (_writeLock)
        {
            var sent = _outbox.Find(d => d.PlatformMessageId == platformMessageId && d.Channel == name).ToList();
            foreach (var document in sent)
            {
                OutboxReceipts.Apply(document, receipt, stored);
            }

            _outbox.Update(sent);
        }

        return Task.CompletedTask;
    }

    public Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(_outbox.FindById(id)?.ToMessage());

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

    private Task Change(long id, Action<OutboxDocument> change)
    {
        lock (_writeLock)
        {
            if (_outbox.FindById(id) is { } document)
            {
                change(document);
                _outbox.Update(document);
            }
        }

        return Task.CompletedTask;
    }
}
