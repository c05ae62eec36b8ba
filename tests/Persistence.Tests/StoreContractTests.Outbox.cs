using Hromada.Core.Conversations;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    protected static readonly DateTimeOffset CreatedAt = new(2025, 3, 1, 10, 31, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = CreatedAt.AddMinutes(1);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected static OutboxMessage Reply(string key, string chatId = "501", ChannelKind channel = ChannelKind.Telegram) =>
        new(0, key, channel, chatId, new OutboundReply($"reply {key}"), OutboxStatus.Pending, CreatedAt);

    [Fact]
    public async Task AddAsync_Batch_AssignsIncreasingIdsInOrder()
    {
        await Outbox.AddAsync([Reply("a"), Reply("b"), Reply("c")], Ct);

        var pending = await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);

        Assert.Equal(["a", "b", "c"], pending.Select(message => message.IdempotencyKey));
        Assert.True(pending[0].Id > 0);
        Assert.True(pending[0].Id < pending[1].Id && pending[1].Id < pending[2].Id);
    }

    [Fact]
    public async Task AddAsync_KeyAlreadyStored_KeepsTheFirstAndAddsTheRest()
    {
        await Outbox.AddAsync([Reply("a")], Ct);

        await Outbox.AddAsync([Reply("a") with { Reply = new OutboundReply("retried") }, Reply("b")], Ct);

        var pending = await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);
        Assert.Equal(["a", "b"], pending.Select(message => message.IdempotencyKey));
        Assert.Equal("reply a", pending[0].Reply.Text);
    }

    [Fact]
    public async Task AddAsync_SameKeyTwiceInOneBatch_StoresItOnce()
    {
        await Outbox.AddAsync([Reply("a"), Reply("a"), Reply("b")], Ct);

        var pending = await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);

        Assert.Equal(["a", "b"], pending.Select(message => message.IdempotencyKey));
    }

    [Fact]
    public async Task AddAsync_SameBatchConcurrently_StoresEachKeyOnce()
    {
        await RunConcurrentlyAsync(10, async _ =>
        {
            await Outbox.AddAsync([Reply("a"), Reply("b")], Ct);
            return true;
        });

        var pending = await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);

        Assert.Equal(["a", "b"], pending.Select(message => message.IdempotencyKey).Order());
    }

    [Fact]
    public async Task ClaimDueAsync_MoreThanLimit_ReturnsTheOldest()
    {
        await Outbox.AddAsync([Reply("a"), Reply("b")], Ct);
        await Outbox.AddAsync([Reply("c")], Ct);

        var pending = await Outbox.ClaimDueAsync(Now, Lease, 2, Ct);

        Assert.Equal(["a", "b"], pending.Select(message => message.IdempotencyKey));
    }

    [Fact]
    public async Task MarkSentAndMarkFailed_LeaseOver_LeaveOnlyTheRestToClaim()
    {
        await Outbox.AddAsync([Reply("a"), Reply("b"), Reply("c")], Ct);
        var added = await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);

        await Outbox.MarkSentAsync(added[0].Id, "m1", Now, Ct);
        await Outbox.MarkFailedAsync(added[2].Id, "refused", Ct);

        var pending = Assert.Single(await Outbox.ClaimDueAsync(Now + Lease, Lease, 10, Ct));
        Assert.Equal("b", pending.IdempotencyKey);
        var listed = await Outbox.ListForChatAsync(ChannelKind.Telegram, "501", 0, Ct);
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Pending, OutboxStatus.Failed], listed.Select(m => m.Status));
    }

    [Fact]
    public async Task ListForChatAsync_AfterAnId_ReturnsLaterMessagesOfThatChatOnly()
    {
        await Outbox.AddAsync(
            [
                Reply("a"),
                Reply("other-chat", chatId: "777"),
                Reply("other-channel", channel: ChannelKind.Viber),
                Reply("b"),
                Reply("c"),
            ],
            Ct);
        var first = (await Outbox.ListForChatAsync(ChannelKind.Telegram, "501", 0, Ct))[0];

        var later = await Outbox.ListForChatAsync(ChannelKind.Telegram, "501", first.Id, Ct);

        Assert.Equal("a", first.IdempotencyKey);
        Assert.Equal(["b", "c"], later.Select(message => message.IdempotencyKey));
    }

    [Fact]
    public async Task ListForChatAsync_ReplyWithEveryField_ReturnsItUnchanged()
    {
        var reply = new OutboundReply("Оберіть громаду")
        {
            Buttons = [[new ReplyButton("Так", "yes"), new ReplyButton("Ні", "no")], [new ReplyButton("Скасувати", "cancel")]],
            ContactButtonLabel = "Поділитися номером",
            PhotoUrl = "https://example.org/p.jpg",
            Document = new ReplyDocument("poll.ics", "text/calendar", [1, 2, 3]),
        };
        await Outbox.AddAsync([Reply("a") with { Reply = reply }], Ct);

        var stored = Assert.Single(await Outbox.ListForChatAsync(ChannelKind.Telegram, "501", 0, Ct));

        Assert.Equal(("a", ChannelKind.Telegram, "501", CreatedAt), (stored.IdempotencyKey, stored.Channel, stored.ChatId, stored.CreatedAt));
        Assert.Equal(reply.Text, stored.Reply.Text);
        Assert.Equal(
            reply.Buttons.Select(row => row.ToList()),
            stored.Reply.Buttons.Select(row => row.ToList()));
        Assert.Equal("Поділитися номером", stored.Reply.ContactButtonLabel);
        Assert.Equal(reply.PhotoUrl, stored.Reply.PhotoUrl);
        Assert.Equal(("poll.ics", "text/calendar"), (stored.Reply.Document!.FileName, stored.Reply.Document.ContentType));
        Assert.Equal([1, 2, 3], stored.Reply.Document.Content);
    }
}
