using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Persistence.Documents;
using Hromada.Persistence.LiteDb;
using LiteDB;

namespace Hromada.Persistence.Tests;

public sealed class LiteDbStoreContractTests : StoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "hromada-tests", $"{Guid.NewGuid():N}", "hromada.db");
    private LiteDatabase? _database;
    private LiteDbWriter? _writer;
    private LiteDbInboxStore? _inbox;

    protected override ValueTask<Stores> OpenStoresAsync()
    {
        _database = LiteDbSchema.Open(_path);
        _writer = new LiteDbWriter(_database);
        _inbox = new LiteDbInboxStore(LiteDbInboxStore.PathBeside(_path));
        return ValueTask.FromResult(StoresOn(_database, _writer, _inbox));
    }

    public override ValueTask DisposeAsync()
    {
        _inbox?.Dispose();
        _writer?.Dispose();
        _database?.Dispose();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Open_FileWrittenBefore_KeepsDataAndGoesOnCountingSequencesAndIds()
    {
        var lastSequence = (await Inbox.TryAddAsync(Update("1"), Ct))!.Sequence;
        await Outbox.AddAsync([Reply("a")], Ct);
        await Sessions.TrySaveAsync(Session(), Ct);
        await Residents.SaveAsync(Resident("r1", Telegram("501")), Ct);
        await Communities.UpsertAsync([Kamianske], Ct);

        var reopened = Reopen();
        Assert.Null(await reopened.Inbox.TryAddAsync(Update("1"), Ct));
        Assert.True((await reopened.Inbox.TryAddAsync(Update("2"), Ct))!.Sequence > lastSequence);
        await reopened.Outbox.AddAsync([Reply("b")], Ct);
        var claimed = await reopened.Outbox.ClaimDueAsync(CreatedAt, TimeSpan.FromMinutes(1), 10, Ct);
        Assert.Equal(["a", "b"], claimed.Select(message => message.IdempotencyKey));
        Assert.True(claimed[1].Id > claimed[0].Id);
        Assert.Equal(1, (await reopened.Sessions.FindAsync("telegram:501", Ct))?.Version);
        Assert.Equal("r1", (await reopened.Residents.FindByIdentityAsync(Telegram("501").Key, Ct))?.Id);
        Assert.Equal(Kamianske, await reopened.Communities.GetAsync("kamianske", Ct));
    }

    [Fact]
    public async Task TryAddAsync_RedeliveryOlderThanTheKeysKeptInMemory_RefusedByTheIndexWithoutLosingOthers()
    {
        _inbox!.Dispose();
        using (var file = LiteDbFile.Open(LiteDbInboxStore.PathBeside(_path)))
        {
            file.GetCollection<InboxDocument>("inbox", BsonAutoId.Int64)
                .InsertBulk(Enumerable.Range(1, 10_001).Select(i => Handled(InboxDocument.From(Update($"{i}"), sequence: i))));
        }

        _inbox = new LiteDbInboxStore(LiteDbInboxStore.PathBeside(_path));
        var added = await Task.WhenAll(_inbox.TryAddAsync(Update("1"), Ct), _inbox.TryAddAsync(Update("new"), Ct));

        Assert.Null(added[0]);
        Assert.Equal(["new"], (await _inbox.GetPendingAsync(Ct)).Select(entry => entry.Message.UpdateId));
    }

    [Fact]
    public async Task OpenInbox_MainFileStillHoldsTheInbox_MovesItsPendingEntriesAndGoesOnAboveItsLastSequence()
    {
        _database!.GetCollection<InboxDocument>("inbox").InsertBulk(
            [InboxDocument.From(Update("1"), sequence: 7), Handled(InboxDocument.From(Update("2"), sequence: 8)), Handled(InboxDocument.From(Update("3"), sequence: 9))]);

        var inbox = OpenInboxAnew();

        Assert.Equal([(7L, "1")], (await inbox.GetPendingAsync(Ct)).Select(entry => (entry.Sequence, entry.Message.UpdateId)));
        Assert.Equal(10, (await inbox.TryAddAsync(Update("4"), Ct))!.Sequence);
        Assert.False(_database.CollectionExists("inbox"));
    }

    [Fact]
    public async Task OpenInbox_NewFileBesideSessions_GoesOnAboveTheSessionsHighestSequence()
    {
        _database!.GetCollection<SessionDocument>("sessions").InsertBulk([SessionAt("telegram:501", 41), SessionAt("telegram:502", 40)]);

        var inbox = OpenInboxAnew();

        Assert.Empty(await inbox.GetPendingAsync(Ct));
        Assert.Equal(42, (await inbox.TryAddAsync(Update("1"), Ct))!.Sequence);
    }

    /// <summary>
    /// LiteDB fails a read of a collection another transaction is creating, and closes the engine
    /// (litedb-org/LiteDB#2792): on a new file the first session came with the first turn, while
    /// other residents' sessions were being read. Racy by nature, so it races many times.
    /// </summary>
    [Fact]
    public async Task Open_NewFile_SessionsReadWhileTheFirstTurnsAreStoredNeverFail()
    {
        for (var round = 0; round < 20; round++)
        {
            var path = Path.Combine(Path.GetDirectoryName(_path)!, $"race{round}", "hromada.db");
            using var database = LiteDbSchema.Open(path);
            using var writer = new LiteDbWriter(database);
            using var inbox = new LiteDbInboxStore(LiteDbInboxStore.PathBeside(path));
            var stores = StoresOn(database, writer, inbox);
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await stores.Sessions.FindAsync($"telegram:{reader}", Ct);
                }
            })).ToList();

            var committed = await Task.WhenAll(Enumerable.Range(0, 4).Select(async resident =>
            {
                var entry = (await stores.Inbox.TryAddAsync(Update($"{resident}"), Ct))!;
                var session = new ConversationSession { Key = $"telegram:{500 + resident}", LastSequence = entry.Sequence };
                return await stores.Turns.TryCommitAsync(new ConversationTurn(entry.Sequence, session, [Reply($"in:{resident}")]), Ct);
            }));
            await stop.CancelAsync();
            await Task.WhenAll(readers);

            Assert.All(committed, Assert.True);
        }
    }

    /// <summary>
    /// LiteDB 5 runs transactions on different collections at once, and two of them can corrupt the
    /// free-page list they share (litedb-org/LiteDB#2825): later reads meet "page type must be index
    /// page". Stores that wrote on their callers' threads, each to a collection of its own, did so on
    /// every start (sweep leases, communities, outbox). Racy by nature, so it races many writes.
    /// </summary>
    [Fact]
    public async Task Stores_ManyCollectionsWrittenAtOnce_EverythingReadsBackAfterReopening()
    {
        const int Writes = 300;
        var at = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        async Task Repeat(Func<int, Task> write)
        {
            await Task.Yield();
            for (var i = 0; i < Writes; i++)
            {
                await write(i);
            }
        }

        await Task.WhenAll(
            Repeat(i => Polls.SaveAsync(OpenPoll($"p{i}"), Ct)),
            Repeat(async i =>
            {
                await Sweeps.TryAcquireLeaseAsync($"sweep{i % 7}", "me", at, at.AddMinutes(5), Ct);
                await Sweeps.MarkDoneAsync("sweep", $"{i}", at, Ct);
                await Sweeps.ReleaseLeaseAsync($"sweep{i % 7}", "me", Ct);
            }),
            Repeat(async i =>
            {
                await LinkCodes.SaveAsync(new LinkCode($"{100_000 + i}", $"r{i}", at.AddMinutes(10)), Ct);
                await LinkCodes.TakeAsync($"{100_000 + i - 1}", at, Ct);
            }),
            Repeat(i => Audit.AppendAsync(Entry($"a.{i}", "kamianske"), Ct)),
            Repeat(i => Outbox.AddAsync([Reply($"o{i}")], Ct)),
            Repeat(async i =>
            {
                await Ideas.SaveAsync(ProposedIdea($"i{i}"), Ct);
                await Ideas.SupportAsync($"i{i}", "r1", at, Ct);
            }),
            Repeat(i => Communities.UpsertAsync([Kamianske with { NameEn = $"Kamianske {i}" }], Ct)),
            Repeat(async i =>
            {
                // Pages filled and emptied again: freed pages are what concurrent transactions corrupted.
                var residents = Enumerable.Range(0, 20).Select(r => $"r{r}").ToList();
                foreach (var resident in residents)
                {
                    await Roles.SaveAsync(Grant(resident, $"c{i}"), Ct);
                }

                foreach (var resident in residents)
                {
                    await Roles.DeleteAsync(resident, $"c{i}", Ct);
                }
            }));

        var reopened = Reopen();
        var numbers = Enumerable.Range(0, Writes).ToList();
        Assert.All(await Task.WhenAll(numbers.Select(i => reopened.Polls.GetAsync($"p{i}", Ct))), Assert.NotNull);
        Assert.All(await Task.WhenAll(numbers.Select(i => reopened.Sweeps.IsDoneAsync("sweep", $"{i}", Ct))), Assert.True);
        Assert.True(await reopened.Sweeps.TryAcquireLeaseAsync("sweep0", "another", at, at.AddMinutes(5), Ct));
        Assert.Equal(new LinkCode($"{100_000 + Writes - 1}", $"r{Writes - 1}", at.AddMinutes(10)), await reopened.LinkCodes.TakeAsync($"{100_000 + Writes - 1}", at, Ct));
        Assert.Equal(Writes, (await reopened.Audit.ListRecentAsync(null, 2 * Writes, Ct)).Count);
        Assert.Equal(Writes, (await reopened.Outbox.ClaimDueAsync(at, TimeSpan.FromMinutes(1), 2 * Writes, Ct)).Count);
        Assert.All(await Task.WhenAll(numbers.Select(i => reopened.Ideas.TallyAsync($"i{i}", Ct))), tally => Assert.Equal(1, tally.Supporters));
        Assert.Equal($"Kamianske {Writes - 1}", (await reopened.Communities.GetAsync("kamianske", Ct))?.NameEn);
        Assert.Empty(await reopened.Roles.ListForResidentAsync("r1", Ct));
    }

    [Fact]
    public void Open_FolderMissing_CreatesIt()
    {
        var path = Path.Combine(Path.GetDirectoryName(_path)!, "nested", "more", "data.db");

        using var database = LiteDbFile.Open(path);

        Assert.True(File.Exists(path));
    }

    /// <summary>The store reads residents a page at a time; the residents go in as one bulk insert to keep the test quick.</summary>
    [Fact]
    public async Task ListRegisteredAsync_MorePagesThanOne_ListsEachRegisteredResidentOnceWhileStatusesAreSaved()
    {
        var residents = Enumerable.Range(0, 2500).Select(i => Resident($"r{i:D4}", Telegram($"{i}"))).ToList();
        foreach (var resident in residents.Where((_, i) => i % 5 != 0))
        {
            resident.RegisteredAt = resident.CreatedAt.AddMinutes(5);
        }
        _database!.GetCollection<ResidentDocument>("residents").InsertBulk(residents.Select(ResidentDocument.From));

        var listed = new List<string>();
        await foreach (var resident in Residents.ListRegisteredAsync(null, Ct))
        {
            listed.Add(resident.Id);
            if (listed.Count % 500 == 0)
            {
                resident.Status = ResidentStatus.OpinionLeader;
                await Residents.SaveStatusesAsync([resident], Ct);
            }
        }

        Assert.Equal(residents.Where(r => r.RegisteredAt is not null).Select(r => r.Id), listed.Order(StringComparer.Ordinal));
        Assert.Equal(ResidentStatus.OpinionLeader, (await Residents.GetAsync(listed[499], Ct))?.Status);
    }

    /// <summary>Closes the files and opens them again, as a restarted host does.</summary>
    private Stores Reopen()
    {
        _inbox!.Dispose();
        _writer!.Dispose();
        _database!.Dispose();
        _database = LiteDbSchema.Open(_path);
        _writer = new LiteDbWriter(_database);
        _inbox = new LiteDbInboxStore(LiteDbInboxStore.PathBeside(_path));
        return StoresOn(_database, _writer, _inbox);
    }

    /// <summary>Opens the inbox again as a new file beside what the main file holds now.</summary>
    private LiteDbInboxStore OpenInboxAnew()
    {
        _inbox!.Dispose();
        File.Delete(LiteDbInboxStore.PathBeside(_path));
        LiteDbInboxStore.GoOnFrom(_database!, LiteDbInboxStore.PathBeside(_path));
        _inbox = new LiteDbInboxStore(LiteDbInboxStore.PathBeside(_path));
        return _inbox;
    }

    private static InboxDocument Handled(InboxDocument document)
    {
        document.Status = nameof(InboxStatus.Handled);
        return document;
    }

    private static SessionDocument SessionAt(string key, long lastSequence)
    {
        var session = Session(key);
        session.LastSequence = lastSequence;
        return SessionDocument.From(session, 1);
    }

    private static Stores StoresOn(LiteDatabase database, LiteDbWriter writer, LiteDbInboxStore inbox)
    {
        var outbox = new LiteDbOutboxStore(database, writer);
        var sessions = new LiteDbSessionStore(database, writer);
        var residents = new LiteDbResidentStore(database, writer);
        return new(
            inbox,
            outbox,
            sessions,
            residents,
            new LiteDbCommunityStore(database, writer),
            new LiteDbPollStore(database, writer),
            new LiteDbBallotStore(database, writer),
            new LiteDbLinkCodeStore(database, writer),
            new LiteDbIdeaStore(database, writer),
            new LiteDbEventStore(database, writer),
            new LiteDbRsvpStore(database, writer),
            new LiteDbReportStore(database, writer),
            new LiteDbRoleStore(database, writer),
            new LiteDbAuditStore(database, writer),
            new LiteDbCommunityStatsStore(database),
            new LiteDbApiKeyStore(database, writer),
            new LiteDbSweepStore(database, writer),
            new LiteDbBroadcastStore(database, writer),
            new LiteDbConversationTurnStore(writer, sessions, outbox, residents));
    }
}
