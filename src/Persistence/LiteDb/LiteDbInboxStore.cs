using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

/// <summary>
/// The inbox in a LiteDB file of its own beside the main one ("hromada.db" → "hromada-inbox.db"),
/// with its own group-commit writer: a webhook's answer waits for an inbox commit only, never behind
/// the engine's turns and the outbox's marks, and the two writers can use both cores.
/// </summary>
internal sealed class LiteDbInboxStore : IInboxStore, IDisposable
{
    /// <summary>Where the inbox was kept in the main file before it had a file of its own.</summary>
    private const string MainFileCollection = "inbox";

    /// <summary>Holds the sequence a new inbox file starts above; never pending, so never handled.</summary>
    private const string SequenceFloorKey = "sequence floor";

    private const int RecentKeysKept = 10_000;

    private readonly LiteDatabase _database;
    private readonly LiteDbWriter _writer;
    private readonly ILiteCollection<InboxDocument> _inbox;

    /// <summary>The newest accepted keys, oldest first: platforms redeliver what they sent lately.</summary>
    private readonly Queue<string> _recentKeys = new(RecentKeysKept);
    private readonly HashSet<string> _recentKeySet = new(RecentKeysKept, StringComparer.Ordinal);
    private readonly Lock _recentLock = new();
    private int _disposed;

    /// <param name="path">The inbox's own file, carried on from the main file at open (<see cref="GoOnFrom"/>).</param>
    public LiteDbInboxStore(string path)
    {
        _database = OpenFile(path);
        try
        {
            _inbox = Entries(_database);
            var newest = _inbox.Query().OrderByDescending(d => d.Id).Select(d => d.UpdateKey).Limit(RecentKeysKept).ToList();
            newest.Reverse();
            newest.ForEach(Remember);
            _writer = new LiteDbWriter(_database);
        }
        catch
        {
            _database.Dispose();
            throw;
        }
    }

    /// <summary>The inbox file beside the main file at <paramref name="mainPath"/>.</summary>
    public static string PathBeside(string mainPath)
    {
        var fullPath = Path.GetFullPath(mainPath);
        return Path.Combine(
            Path.GetDirectoryName(fullPath)!, $"{Path.GetFileNameWithoutExtension(fullPath)}-inbox{Path.GetExtension(fullPath)}");
    }

    /// <summary>
    /// A key among the newest accepted is refused from memory; any other is inserted at once, and the
    /// unique index refuses the rare older redelivery. That refusal rolls back the group commit it is
    /// in, whose writes then commit one by one: one slow commit now and then instead of an index
    /// lookup for every update (a fifth of the inbox writer's time).
    /// </summary>
    public async Task<InboxEntry?> TryAddAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var document = InboxDocument.From(message, sequence: 0);
        try
        {
            var entry = await _writer.WriteAsync(() =>
            {
                if (IsRecent(document.UpdateKey))
                {
                    return null;
                }

                // A write may run twice (its batch rolled back): each run takes a new sequence.
                document.Id = 0;
                _inbox.Insert(document);
                return new InboxEntry(document.Id, message, InboxStatus.Pending);
            });

            // Only once committed: a key remembered from a write rolled back would refuse its rerun.
            if (entry is not null)
            {
                Remember(document.UpdateKey);
            }

            return entry;
        }
        catch (LiteException exception) when (LiteDbFile.IsDuplicateKey(exception))
        {
            return null;
        }
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
        _writer.WriteAsync(() =>
        {
            if (_inbox.FindById(sequence) is { } document)
            {
                document.Status = status.ToString();
                _inbox.Update(document);
            }
        });

    /// <summary>Once, though called twice: the container disposes it as itself and as <see cref="IInboxStore"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _writer.Dispose();
            _database.Dispose();
        }
    }

    /// <summary>
    /// A new inbox file must number above every sequence the sessions have seen: the engine takes an
    /// entry a session's LastSequence covers for one applied before a crash, and skips it. So it
    /// starts above the sessions' highest and above the main file's old inbox, whose pending entries
    /// move over; the old inbox is dropped once they are committed here (a crash in between moves
    /// nothing twice, as this file is no longer new).
    /// </summary>
    /// <remarks>
    /// Runs as the main file opens, before its writer starts (<see cref="LiteDbSchema.Open"/>):
    /// dropping a collection frees pages, which LiteDB must not do beside another write, and it
    /// refuses to drop inside a transaction (the writer's).
    /// </remarks>
    internal static void GoOnFrom(LiteDatabase main, string path)
    {
        using var database = OpenFile(path);
        var inbox = Entries(database);
        var mainInbox = main.CollectionExists(MainFileCollection) ? main.GetCollection<InboxDocument>(MainFileCollection) : null;
        if (inbox.Count() == 0)
        {
            var pending = mainInbox?.Find(d => d.Status == nameof(InboxStatus.Pending)).ToList() ?? [];
            var floor = Math.Max(
                mainInbox?.Query().OrderByDescending(d => d.Id).Select(d => d.Id).FirstOrDefault() ?? 0,
                main.GetCollection<SessionDocument>(LiteDbSessionStore.Collection).Query().Select(s => s.LastSequence).ToEnumerable().DefaultIfEmpty().Max());
            if (floor > 0 && !pending.Exists(d => d.Id == floor))
            {
                pending.Add(new InboxDocument { Id = floor, UpdateKey = SequenceFloorKey, Status = nameof(InboxStatus.Handled) });
            }

            inbox.InsertBulk(pending);
        }

        if (mainInbox is not null)
        {
            main.DropCollection(MainFileCollection);
        }
    }

    /// <summary>Its keys are exact ASCII: compared ordinally, not by culture (an eighth of the writer's time in the profile).</summary>
    private static LiteDatabase OpenFile(string path) =>
        LiteDbFile.Open(path, new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal));

    /// <summary>The Int64 auto id is the sequence: assigned under the collection's write lock, so it only grows.</summary>
    private static ILiteCollection<InboxDocument> Entries(LiteDatabase database)
    {
        var inbox = database.GetCollection<InboxDocument>("inbox", BsonAutoId.Int64);
        inbox.EnsureIndex(d => d.UpdateKey, unique: true);
        inbox.EnsureIndex(d => d.Status);
        return inbox;
    }

    private bool IsRecent(string key)
    {
        lock (_recentLock)
        {
            return _recentKeySet.Contains(key);
        }
    }

    private void Remember(string key)
    {
        lock (_recentLock)
        {
            if (_recentKeySet.Add(key))
            {
                _recentKeys.Enqueue(key);
                if (_recentKeys.Count > RecentKeysKept)
                {
                    _recentKeySet.Remove(_recentKeys.Dequeue());
                }
            }
        }
    }
}
