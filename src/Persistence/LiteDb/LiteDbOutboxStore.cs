using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbOutboxStore : IOutboxStore
{
    private const string Collection = "outbox";

    /// <summary>Puts broadcasts behind every reply in <see cref="OutboxDocument.QueueOrder"/>; ids stay far below it.</summary>
    private const long BroadcastOffset = 1L << 62;

    private readonly ILiteCollection<OutboxDocument> _outbox;

    /// <summary>
    /// Runs every read-modify-write (adds, claims, retries, receipts) as one step, committed together
    /// with the other stores' writes (fsync-bound, see DESIGN §4). An insert fails whole on a duplicate
    /// and would roll back the writes committed with it, hence the check before it.
    /// </summary>
    private readonly LiteDbWriter _writer;

    /// <summary>The highest id given, once known; read and written on the writer's thread only.</summary>
    private long? _lastId;

    /// <summary>
    /// Claimed messages and when their leases end, kept in memory (on the writer's thread): in direct
    /// mode this process alone opens the file, so no other dispatcher can claim, and after a crash
    /// every pending message is due again at once. A claim costs no write.
    /// </summary>
    private readonly Dictionary<long, DateTime> _leases = [];

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var outbox = database.GetCollection<OutboxDocument>(Collection, BsonAutoId.Int64);
        outbox.EnsureIndex(d => d.IdempotencyKey, unique: true);
        outbox.EnsureIndex(d => d.QueueOrder);
        outbox.EnsureIndex(d => d.Chat);
        outbox.EnsureIndex(d => d.PlatformMessageId);

        // Messages stored before the claim order existed get theirs once.
        var unordered = outbox.Find(d => d.QueueOrder == null).Select(Queued).ToList();
        if (unordered.Count > 0)
        {
            outbox.Update(unordered);
        }
    }

    public LiteDbOutboxStore(LiteDatabase database, LiteDbWriter writer)
    {
        _writer = writer;
        _outbox = database.GetCollection<OutboxDocument>(Collection, BsonAutoId.Int64);
    }

    public Task AddAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() => Add(messages));

    /// <summary>Stores the messages whose keys are new, in order. On the writer's thread only.</summary>
    internal void Add(IReadOnlyList<OutboxMessage> messages)
    {
        var seen = new HashSet<string>();
        var added = messages
            .Where(m => seen.Add(m.IdempotencyKey) && !_outbox.Exists("$.IdempotencyKey = @0", m.IdempotencyKey))
            .ToList();
        if (added.Count == 0)
        {
            return;
        }

        // Ids are given here, not by LiteDB, because the claim order is built from them. The last one
        // is read once: a batch rolled back leaves a gap, which the order does not mind.
        var lastId = _lastId ??= _outbox.Query().OrderByDescending(d => d.Id).Select(d => d.Id).FirstOrDefault();
        _outbox.InsertBulk(added.Select((m, i) => Queued(OutboxDocument.From(m, lastId + 1 + i))));
        _lastId = lastId + added.Count;
    }

    /// <summary>
    /// Walks the claim-order index from its start and stops at the limit, so a claim costs the same
    /// however long the queue; only messages leased or put off sit in front and are skipped.
    /// </summary>
    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var dueBy = DocumentFormat.ToStored(now);
        var leasedUntil = DocumentFormat.ToStored(now + lease);
        return _writer.WriteAsync<IReadOnlyList<OutboxMessage>>(() =>
        {
            foreach (var ended in _leases.Where(pair => pair.Value <= dueBy).Select(pair => pair.Key).ToList())
            {
                _leases.Remove(ended);
            }

            var claimed = _outbox.Query()
                .Where(d => d.QueueOrder >= 0 && d.DueAt <= dueBy)
                .OrderBy(d => d.QueueOrder)
                .ToEnumerable()
                .Where(d => !_leases.ContainsKey(d.Id))
                .Take(limit)
                .ToList();
            foreach (var document in claimed)
            {
                _leases[document.Id] = leasedUntil;
            }

            return [.. claimed.Select(d => d.ToMessage())];
        });
    }

    public Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        Change(id, d =>
        {
            Done(d, OutboxStatus.Sent);
            d.PlatformMessageId = platformMessageId;
            d.SentAt = DocumentFormat.ToStored(sentAt);
        });

    public Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken) =>
        Change(id, d =>
        {
            Done(d, OutboxStatus.Failed);
            d.FailureReason = reason;
        });

    public Task RetryLaterAsync(long id, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
        Change(id, d =>
        {
            d.Status = nameof(OutboxStatus.Pending);
            Queued(d);
            d.NotBefore = d.DueAt = DocumentFormat.ToStored(notBefore);
            d.Attempts++;
            d.FailureReason = reason;
        });

    public Task<int> DropPendingAsync(ChannelKind channel, string chatId, string reason, CancellationToken cancellationToken)
    {
        var chat = DocumentFormat.Key(channel, chatId);
        var pending = nameof(OutboxStatus.Pending);
        return _writer.WriteAsync(() =>
        {
            var dropped = _outbox.Find(d => d.Chat == chat && d.Status == pending).ToList();
            foreach (var document in dropped)
            {
                Done(document, OutboxStatus.Dropped);
                document.FailureReason = reason;
            }

            _outbox.Update(dropped);
            return dropped.Count;
        });
    }

    /// <summary>The unique key index serves the prefix: LiteDB reads a StartsWith on an indexed field as a range.</summary>
    public Task<int> DropPendingByKeyPrefixAsync(string keyPrefix, string reason, CancellationToken cancellationToken)
    {
        var pending = nameof(OutboxStatus.Pending);
        return _writer.WriteAsync(() =>
        {
            var dropped = _outbox.Find(d => d.IdempotencyKey.StartsWith(keyPrefix) && d.Status == pending).ToList();
            foreach (var document in dropped)
            {
                Done(document, OutboxStatus.Dropped);
                document.FailureReason = reason;
            }

            _outbox.Update(dropped);
            return dropped.Count;
        });
    }

    public Task<IReadOnlyDictionary<OutboxStatus, int>> CountByKeyPrefixAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        var counts = _outbox.Query()
            .Where(d => d.IdempotencyKey.StartsWith(keyPrefix))
            .Select(d => d.Status)
            .ToEnumerable()
            .GroupBy(status => Enum.Parse<OutboxStatus>(status))
            .ToDictionary(group => group.Key, group => group.Count());
        return Task.FromResult<IReadOnlyDictionary<OutboxStatus, int>>(counts);
    }

    public Task RecordReceiptAsync(
        ChannelKind channel, string platformMessageId, DeliveryReceipt receipt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var name = channel.ToString();
        var stored = DocumentFormat.ToStored(at);
        return _writer.WriteAsync(() =>
        {
            var sent = _outbox.Find(d => d.PlatformMessageId == platformMessageId && d.Channel == name).ToList();
            foreach (var document in sent)
            {
                OutboxReceipts.Apply(document, receipt, stored);
                Queued(document);
            }

            _outbox.Update(sent);
        });
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

    /// <summary>Sets the claim order from the status: a place in the queue while pending, out of it after.</summary>
    private static OutboxDocument Queued(OutboxDocument document)
    {
        document.QueueOrder = document.Status == nameof(OutboxStatus.Pending)
            ? document.Id + (document.Priority == (int)OutboxPriority.Reply ? 0 : BroadcastOffset)
            : OutOfQueue(document.Id);
        return document;
    }

    private static void Done(OutboxDocument document, OutboxStatus status)
    {
        document.Status = status.ToString();
        document.QueueOrder = OutOfQueue(document.Id);
    }

    /// <summary>
    /// Below every claim order, and distinct: LiteDB inserts into a long run of equal index keys
    /// (such as null) slowly, measured at over 30 ms per message at 20,000 messages.
    /// </summary>
    private static long OutOfQueue(long id) => -id;

    /// <summary>Ends the message's lease too: it is done, or put back in the queue to be claimed anew when due.</summary>
    private Task Change(long id, Action<OutboxDocument> change) =>
        _writer.WriteAsync(() =>
        {
            _leases.Remove(id);
            if (_outbox.FindById(id) is { } document)
            {
                change(document);
                _outbox.Update(document);
            }
        });
}
