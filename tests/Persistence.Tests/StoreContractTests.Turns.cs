using Hromada.Core.Conversations;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private async Task<ConversationTurn> TurnAsync(string updateId, params string[] replyKeys)
    {
        var entry = (await Inbox.TryAddAsync(Update(updateId), Ct))!;
        var session = await Sessions.FindAsync("telegram:501", Ct) ?? Session();
        session.LastSequence = entry.Sequence;
        return new ConversationTurn(entry.Sequence, session, [.. replyKeys.Select(key => Reply(key))]);
    }

    [Fact]
    public async Task TryCommitAsync_FreshTurn_StoresRepliesResidentAndSession()
    {
        var turn = await TurnAsync("1", "in:1:0", "in:1:1") with { SavedResident = Resident("r1", Telegram("501")) };

        var committed = await Turns.TryCommitAsync(turn, Ct);

        Assert.True(committed);
        Assert.Equal(1, turn.Session.Version);
        var stored = await Sessions.FindAsync("telegram:501", Ct);
        Assert.Equal((turn.Sequence, 1L), (stored!.LastSequence, stored.Version));
        Assert.Equal(["in:1:0", "in:1:1"], (await Outbox.ListForChatAsync(ChannelKind.Telegram, "501", 0, Ct)).Select(m => m.IdempotencyKey));
        Assert.Equal("r1", (await Residents.FindByIdentityAsync(Telegram("501").Key, Ct))?.Id);
    }

    [Fact]
    public async Task TryCommitAsync_SessionSavedSinceItWasRead_ReturnsFalseAndStoresNothing()
    {
        var turn = await TurnAsync("1", "in:1:0") with { SavedResident = Resident("r1", Telegram("501")) };
        await Sessions.TrySaveAsync(Session(), Ct);

        var committed = await Turns.TryCommitAsync(turn, Ct);

        Assert.False(committed);
        Assert.Equal(0, turn.Session.Version);
        Assert.Equal(0, (await Sessions.FindAsync("telegram:501", Ct))!.LastSequence);
        Assert.Empty(await Outbox.ListForChatAsync(ChannelKind.Telegram, "501", 0, Ct));
        Assert.Null(await Residents.GetAsync("r1", Ct));
        Assert.Equal([turn.Sequence], (await Inbox.GetPendingAsync(Ct)).Select(entry => entry.Sequence));
    }

    [Fact]
    public async Task TryCommitAsync_TwoTurnsFromTheSameSessionAtOnce_CommitsExactlyOne()
    {
        var first = await TurnAsync("1", "in:1:0");
        var second = await TurnAsync("2", "in:2:0");

        var committed = await RunConcurrentlyAsync(2, i => Turns.TryCommitAsync(i == 0 ? first : second, Ct));

        Assert.Single(committed, won => won);
        var winner = committed[0] ? first : second;
        Assert.Equal(winner.Sequence, (await Sessions.FindAsync("telegram:501", Ct))!.LastSequence);
        Assert.Equal([$"in:{(committed[0] ? 1 : 2)}:0"], (await Outbox.ListForChatAsync(ChannelKind.Telegram, "501", 0, Ct)).Select(m => m.IdempotencyKey));
    }

    [Fact]
    public async Task TryCommitAsync_ForgottenResident_DeletesThemAndSavesTheSession()
    {
        await Residents.SaveAsync(Resident("r1", Telegram("501")), Ct);
        var turn = await TurnAsync("1", "in:1:0") with { SavedResident = Resident("r1", Telegram("501")), ForgottenResidentId = "r1" };

        var committed = await Turns.TryCommitAsync(turn, Ct);

        Assert.True(committed);
        Assert.Null(await Residents.GetAsync("r1", Ct));
        Assert.Equal(turn.Sequence, (await Sessions.FindAsync("telegram:501", Ct))!.LastSequence);
    }

    [Fact]
    public async Task TryCommitAsync_ResidentWithAnotherResidentsIdentity_ThrowsKeepsTheOwnerAndLeavesTheEntryPending()
    {
        await Residents.SaveAsync(Resident("owner", Telegram("501")), Ct);
        var turn = await TurnAsync("1", "in:1:0") with { SavedResident = Resident("r2", Telegram("501")) };

        await Assert.ThrowsAsync<InvalidOperationException>(() => Turns.TryCommitAsync(turn, Ct));

        Assert.Equal("owner", (await Residents.FindByIdentityAsync(Telegram("501").Key, Ct))?.Id);
        Assert.Null(await Residents.GetAsync("r2", Ct));
        Assert.Null(await Sessions.FindAsync("telegram:501", Ct));
        Assert.Equal([turn.Sequence], (await Inbox.GetPendingAsync(Ct)).Select(entry => entry.Sequence));
    }
}
