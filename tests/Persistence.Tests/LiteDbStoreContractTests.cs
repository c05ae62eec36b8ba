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

    protected override ValueTask<Stores> OpenStoresAsync()
    {
        _database = LiteDbFile.Open(_path);
        _writer = new LiteDbWriter(_database);
        return ValueTask.FromResult(StoresOn(_database, _writer));
    }

    public override ValueTask DisposeAsync()
    {
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
        _writer!.Dispose();
        _database!.Dispose();

        _database = LiteDbFile.Open(_path);
        _writer = new LiteDbWriter(_database);

        var reopened = StoresOn(_database, _writer);
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

    private static Stores StoresOn(LiteDatabase database, LiteDbWriter writer)
    {
        var inbox = new LiteDbInboxStore(database, writer);
        var outbox = new LiteDbOutboxStore(database, writer);
        var sessions = new LiteDbSessionStore(database, writer);
        var residents = new LiteDbResidentStore(database, writer);
        return new(
            inbox,
            outbox,
            sessions,
            residents,
            new LiteDbCommunityStore(database),
            new LiteDbPollStore(database),
            new LiteDbBallotStore(database, writer),
            new LiteDbLinkCodeStore(database),
            new LiteDbIdeaStore(database),
            new LiteDbEventStore(database),
            new LiteDbRsvpStore(database),
            new LiteDbReportStore(database),
            new LiteDbRoleStore(database),
            new LiteDbAuditStore(database),
            new LiteDbCommunityStatsStore(database),
            new LiteDbApiKeyStore(database),
            new LiteDbSweepStore(database),
            new LiteDbBroadcastStore(database),
            new LiteDbConversationTurnStore(writer, sessions, outbox, residents, inbox));
    }
}
