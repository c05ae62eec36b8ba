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

    private static Stores StoresOn(LiteDatabase database, LiteDbWriter writer) => new(
        new LiteDbInboxStore(database, writer),
        new LiteDbOutboxStore(database, writer),
        new LiteDbSessionStore(database, writer),
        new LiteDbResidentStore(database, writer),
        new LiteDbCommunityStore(database),
        new LiteDbPollStore(database),
        new LiteDbBallotStore(database, writer),
        new LiteDbLinkCodeStore(database));
}
