using Hromada.Core.Conversations;

namespace Hromada.Persistence.Tests;

/// <summary>Claims, leases, retries, drops and receipts: what the dispatcher and the webhooks rely on.</summary>
public abstract partial class StoreContractTests
{
    /// <summary>A Viber message_token: more than 2^53, so it must never pass through a double.</summary>
    private const string ViberToken = "5491620145876098157";

    protected static OutboxMessage Broadcast(string key, string chatId = "501", ChannelKind channel = ChannelKind.Telegram) =>
        Reply(key, chatId, channel) with { Priority = OutboxPriority.Broadcast };

    private static IEnumerable<string> Keys(IEnumerable<OutboxMessage> messages) =>
        messages.Select(message => message.IdempotencyKey);

    private async Task<OutboxMessage> StoredAsync(string key, string chatId = "501", ChannelKind channel = ChannelKind.Telegram) =>
        (await Outbox.ListForChatAsync(channel, chatId, 0, Ct)).Single(message => message.IdempotencyKey == key);

    [Fact]
    public async Task ClaimDueAsync_BroadcastQueuedBeforeReplies_ReturnsRepliesFirstThenOldest()
    {
        await Outbox.AddAsync([Broadcast("b1"), Broadcast("b2", chatId: "502")], Ct);
        await Outbox.AddAsync([Reply("r1", chatId: "503"), Broadcast("b3")], Ct);
        await Outbox.AddAsync([Reply("r2")], Ct);

        var claimed = await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);

        Assert.Equal(["r1", "r2", "b1", "b2", "b3"], Keys(claimed));
    }

    [Fact]
    public async Task ClaimDueAsync_LimitBelowTheReplies_ReturnsOnlyReplies()
    {
        await Outbox.AddAsync([Broadcast("b1"), Reply("r1"), Reply("r2"), Reply("r3")], Ct);

        var claimed = await Outbox.ClaimDueAsync(Now, Lease, 2, Ct);

        Assert.Equal(["r1", "r2"], Keys(claimed));
    }

    [Fact]
    public async Task ClaimDueAsync_AlreadyClaimed_NotClaimedAgainBeforeTheLeaseEnds()
    {
        await Outbox.AddAsync([Reply("a"), Reply("b")], Ct);
        await Outbox.ClaimDueAsync(Now, Lease, 1, Ct);

        var again = await Outbox.ClaimDueAsync(Now + Lease - TimeSpan.FromSeconds(1), Lease, 10, Ct);

        Assert.Equal(["b"], Keys(again));
    }

    [Fact]
    public async Task ClaimDueAsync_LeaseOver_ClaimsTheMessageAgain()
    {
        await Outbox.AddAsync([Reply("a")], Ct);
        await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);

        var again = await Outbox.ClaimDueAsync(Now + Lease, Lease, 10, Ct);

        var message = Assert.Single(again);
        Assert.Equal(("a", OutboxStatus.Pending, 0), (message.IdempotencyKey, message.Status, message.Attempts));
    }

    [Fact]
    public async Task ClaimDueAsync_ReplyAddedWhileABroadcastIsClaimed_ReturnsTheReplyBeforeTheRestOfTheBroadcast()
    {
        await Outbox.AddAsync([Broadcast("b1", chatId: "601"), Broadcast("b2", chatId: "602"), Broadcast("b3", chatId: "603")], Ct);
        await Outbox.ClaimDueAsync(Now, Lease, 2, Ct);
        await Outbox.AddAsync([Reply("r1")], Ct);

        var claimed = await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);

        Assert.Equal(["r1", "b3"], Keys(claimed));
    }

    [Fact]
    public async Task ClaimDueAsync_MessagePutOffBehindLeasedOnes_ClaimedAgainOnceDue()
    {
        await Outbox.AddAsync([Broadcast("b1", chatId: "601"), Broadcast("b2", chatId: "602"), Broadcast("b3", chatId: "603")], Ct);
        var first = await Outbox.ClaimDueAsync(Now, Lease, 3, Ct);
        await Outbox.RetryLaterAsync(first[0].Id, Now.AddSeconds(30), "Rate limited by the platform.", Ct);

        var beforeDue = await Outbox.ClaimDueAsync(Now.AddSeconds(29), Lease, 10, Ct);
        var onceDue = await Outbox.ClaimDueAsync(Now.AddSeconds(30), Lease, 10, Ct);

        Assert.Empty(beforeDue);
        Assert.Equal(["b1"], Keys(onceDue));
    }

    [Fact]
    public async Task ClaimDueAsync_LeaseOverBehindMessagesSentMeanwhile_ClaimsItAgain()
    {
        await Outbox.AddAsync([Broadcast("b1", chatId: "601"), Broadcast("b2", chatId: "602")], Ct);
        var first = await Outbox.ClaimDueAsync(Now, Lease, 2, Ct);
        await Outbox.MarkSentAsync(first[1].Id, "77", Now, Ct);
        await Outbox.AddAsync([Broadcast("b3", chatId: "603")], Ct);
        await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);

        var afterLease = await Outbox.ClaimDueAsync(Now + Lease, Lease, 10, Ct);

        Assert.Equal(["b1", "b3"], Keys(afterLease));
    }

    [Fact]
    public async Task ClaimDueAsync_ManyCallersConcurrently_NeverReturnTheSameMessageTwice()
    {
        await Outbox.AddAsync([.. Enumerable.Range(0, 60).Select(i => Reply($"m{i}", chatId: $"{i % 7}"))], Ct);

        var claims = await RunConcurrentlyAsync(8, _ => Outbox.ClaimDueAsync(Now, Lease, 10, Ct));

        var ids = claims.SelectMany(claim => claim).Select(message => message.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(60, ids.Count + (await Outbox.ClaimDueAsync(Now, Lease, 100, Ct)).Count);
    }

    [Fact]
    public async Task ClaimDueAsync_TwoCallersUntilEmpty_EachMessageClaimedOnce()
    {
        await Outbox.AddAsync([.. Enumerable.Range(0, 40).Select(i => Reply($"m{i}"))], Ct);

        var claimed = await RunConcurrentlyAsync(2, async _ =>
        {
            var mine = new List<long>();
            IReadOnlyList<OutboxMessage> batch;
            while ((batch = await Outbox.ClaimDueAsync(Now, Lease, 3, Ct)).Count > 0)
            {
                mine.AddRange(batch.Select(message => message.Id));
            }

            return mine;
        });

        Assert.Empty(claimed[0].Intersect(claimed[1]));
        Assert.Equal(40, claimed[0].Union(claimed[1]).Count());
    }

    [Fact]
    public async Task ClaimDueAsync_NotBeforeInTheFuture_SkipsTheMessageUntilThen()
    {
        var later = Now + TimeSpan.FromMinutes(5);
        await Outbox.AddAsync([Reply("scheduled") with { NotBefore = later }, Reply("now")], Ct);

        var early = await Outbox.ClaimDueAsync(later - TimeSpan.FromSeconds(1), Lease, 10, Ct);
        var onTime = await Outbox.ClaimDueAsync(later, Lease, 10, Ct);

        Assert.Equal(["now"], Keys(early));
        var scheduled = Assert.Single(onTime);
        Assert.Equal(("scheduled", later), (scheduled.IdempotencyKey, scheduled.NotBefore));
    }

    [Fact]
    public async Task RetryLaterAsync_Twice_CountsAttemptsAndIsDueOnlyAtNotBefore()
    {
        await Outbox.AddAsync([Reply("a")], Ct);
        var id = Assert.Single(await Outbox.ClaimDueAsync(Now, Lease, 10, Ct)).Id;
        await Outbox.RetryLaterAsync(id, Now + TimeSpan.FromSeconds(10), "rate limited", Ct);
        Assert.Single(await Outbox.ClaimDueAsync(Now + TimeSpan.FromSeconds(10), Lease, 10, Ct));
        var notBefore = Now + TimeSpan.FromSeconds(30);

        await Outbox.RetryLaterAsync(id, notBefore, "platform down", Ct);

        Assert.Empty(await Outbox.ClaimDueAsync(notBefore - TimeSpan.FromMilliseconds(1), Lease, 10, Ct));
        var retried = Assert.Single(await Outbox.ClaimDueAsync(notBefore, Lease, 10, Ct));
        Assert.Equal(
            (id, OutboxStatus.Pending, 2, (DateTimeOffset?)notBefore, "platform down"),
            (retried.Id, retried.Status, retried.Attempts, retried.NotBefore, retried.FailureReason));
    }

    [Fact]
    public async Task MarkSentAsync_ClaimedMessage_StoresPlatformIdAndTimeAndIsNotClaimedAgain()
    {
        await Outbox.AddAsync([Reply("a")], Ct);
        var id = Assert.Single(await Outbox.ClaimDueAsync(Now, Lease, 10, Ct)).Id;

        await Outbox.MarkSentAsync(id, "4711", Now, Ct);

        var sent = await Outbox.GetAsync(id, Ct);
        Assert.NotNull(sent);
        Assert.Equal((OutboxStatus.Sent, "4711", (DateTimeOffset?)Now), (sent.Status, sent.PlatformMessageId, sent.SentAt));
        Assert.Empty(await Outbox.ClaimDueAsync(Now + Lease, Lease, 10, Ct));
    }

    [Fact]
    public async Task MarkFailedAsync_ClaimedMessage_StoresReasonAndIsNotClaimedAgain()
    {
        await Outbox.AddAsync([Reply("a")], Ct);
        var id = Assert.Single(await Outbox.ClaimDueAsync(Now, Lease, 10, Ct)).Id;

        await Outbox.MarkFailedAsync(id, "Bad Request: chat not found", Ct);

        var failed = await Outbox.GetAsync(id, Ct);
        Assert.Equal((OutboxStatus.Failed, "Bad Request: chat not found"), (failed?.Status, failed?.FailureReason));
        Assert.Empty(await Outbox.ClaimDueAsync(Now + Lease, Lease, 10, Ct));
    }

    [Fact]
    public async Task DropPendingAsync_OneChat_DropsOnlyThatChatsPendingMessages()
    {
        await Outbox.AddAsync(
            [
                Reply("sent"),
                Reply("a"),
                Broadcast("b"),
                Reply("other-chat", chatId: "777"),
                Reply("other-channel", channel: ChannelKind.Viber),
            ],
            Ct);
        var sent = await StoredAsync("sent");
        await Outbox.MarkSentAsync(sent.Id, "1", Now, Ct);

        var dropped = await Outbox.DropPendingAsync(ChannelKind.Telegram, "501", "blocked by the user", Ct);

        Assert.Equal(2, dropped);
        var chat = await Outbox.ListForChatAsync(ChannelKind.Telegram, "501", 0, Ct);
        Assert.Equal(
            [(OutboxStatus.Sent, null), (OutboxStatus.Dropped, "blocked by the user"), (OutboxStatus.Dropped, "blocked by the user")],
            chat.Select(message => (message.Status, message.FailureReason)));
        Assert.Equal(OutboxStatus.Pending, (await StoredAsync("other-chat", chatId: "777")).Status);
        Assert.Equal(OutboxStatus.Pending, (await StoredAsync("other-channel", channel: ChannelKind.Viber)).Status);
        Assert.Equal(["other-chat", "other-channel"], Keys(await Outbox.ClaimDueAsync(Now, Lease, 10, Ct)));
    }

    [Fact]
    public async Task DropPendingAsync_NothingPending_ReturnsZero()
    {
        var dropped = await Outbox.DropPendingAsync(ChannelKind.Telegram, "501", "blocked by the user", Ct);

        Assert.Equal(0, dropped);
    }

    [Fact]
    public async Task RecordReceiptAsync_ViberDeliveredThenSeenOnOneToken_RecordsBothTimes()
    {
        await Outbox.AddAsync([Reply("a", channel: ChannelKind.Viber)], Ct);
        var id = (await StoredAsync("a", channel: ChannelKind.Viber)).Id;
        await Outbox.MarkSentAsync(id, ViberToken, Now, Ct);
        var delivered = Now + TimeSpan.FromSeconds(2);
        var seen = Now + TimeSpan.FromSeconds(40);

        await Outbox.RecordReceiptAsync(ChannelKind.Viber, ViberToken, DeliveryReceipt.Delivered, delivered, Ct);
        await Outbox.RecordReceiptAsync(ChannelKind.Viber, ViberToken, DeliveryReceipt.Seen, seen, Ct);

        var message = await Outbox.GetAsync(id, Ct);
        Assert.NotNull(message);
        Assert.Equal(
            (OutboxStatus.Sent, ViberToken, (DateTimeOffset?)delivered, (DateTimeOffset?)seen),
            (message.Status, message.PlatformMessageId, message.DeliveredAt, message.SeenAt));
    }

    [Fact]
    public async Task RecordReceiptAsync_DeliveredTwice_KeepsTheFirstTime()
    {
        await Outbox.AddAsync([Reply("a", channel: ChannelKind.Viber)], Ct);
        var id = (await StoredAsync("a", channel: ChannelKind.Viber)).Id;
        await Outbox.MarkSentAsync(id, ViberToken, Now, Ct);
        await Outbox.RecordReceiptAsync(ChannelKind.Viber, ViberToken, DeliveryReceipt.Delivered, Now, Ct);

        await Outbox.RecordReceiptAsync(ChannelKind.Viber, ViberToken, DeliveryReceipt.Delivered, Now.AddMinutes(1), Ct);

        Assert.Equal(Now, (await Outbox.GetAsync(id, Ct))?.DeliveredAt);
    }

    [Fact]
    public async Task RecordReceiptAsync_SeenWithoutDelivered_RecordsItAsDeliveredToo()
    {
        await Outbox.AddAsync([Reply("a", channel: ChannelKind.Viber)], Ct);
        var id = (await StoredAsync("a", channel: ChannelKind.Viber)).Id;
        await Outbox.MarkSentAsync(id, ViberToken, Now, Ct);

        await Outbox.RecordReceiptAsync(ChannelKind.Viber, ViberToken, DeliveryReceipt.Seen, Now.AddSeconds(5), Ct);

        var message = await Outbox.GetAsync(id, Ct);
        Assert.Equal((Now.AddSeconds(5), Now.AddSeconds(5)), (message?.DeliveredAt, message?.SeenAt));
    }

    [Fact]
    public async Task RecordReceiptAsync_Failed_MarksTheMessageFailedWithAReason()
    {
        await Outbox.AddAsync([Reply("a", channel: ChannelKind.Viber)], Ct);
        var id = (await StoredAsync("a", channel: ChannelKind.Viber)).Id;
        await Outbox.MarkSentAsync(id, ViberToken, Now, Ct);

        await Outbox.RecordReceiptAsync(ChannelKind.Viber, ViberToken, DeliveryReceipt.Failed, Now.AddSeconds(5), Ct);

        var message = await Outbox.GetAsync(id, Ct);
        Assert.Equal(OutboxStatus.Failed, message?.Status);
        Assert.False(string.IsNullOrEmpty(message?.FailureReason));
    }

    [Fact]
    public async Task RecordReceiptAsync_SameIdOnAnotherChannel_LeavesThatMessageAlone()
    {
        await Outbox.AddAsync([Reply("viber", channel: ChannelKind.Viber), Reply("telegram")], Ct);
        var viber = (await StoredAsync("viber", channel: ChannelKind.Viber)).Id;
        var telegram = (await StoredAsync("telegram")).Id;
        await Outbox.MarkSentAsync(viber, ViberToken, Now, Ct);
        await Outbox.MarkSentAsync(telegram, ViberToken, Now, Ct);

        await Outbox.RecordReceiptAsync(ChannelKind.Viber, ViberToken, DeliveryReceipt.Seen, Now.AddSeconds(5), Ct);

        Assert.NotNull((await Outbox.GetAsync(viber, Ct))?.SeenAt);
        var untouched = await Outbox.GetAsync(telegram, Ct);
        Assert.Equal((null, null), (untouched?.DeliveredAt, untouched?.SeenAt));
    }

    [Fact]
    public async Task RecordReceiptAsync_UnknownToken_ChangesNothing()
    {
        await Outbox.AddAsync([Reply("a", channel: ChannelKind.Viber)], Ct);
        var id = (await StoredAsync("a", channel: ChannelKind.Viber)).Id;
        await Outbox.MarkSentAsync(id, ViberToken, Now, Ct);

        await Outbox.RecordReceiptAsync(ChannelKind.Viber, "5491620145876098158", DeliveryReceipt.Failed, Now, Ct);

        var message = await Outbox.GetAsync(id, Ct);
        Assert.Equal((OutboxStatus.Sent, null), (message?.Status, message?.DeliveredAt));
    }

    [Fact]
    public async Task GetAsync_StoredBroadcast_ReturnsEveryField()
    {
        var notBefore = Now.AddMinutes(3);
        var broadcast = Broadcast("a", channel: ChannelKind.Viber) with { NotBefore = notBefore, Reply = new OutboundReply("Голосування відкрито") };
        await Outbox.AddAsync([broadcast], Ct);
        var id = (await StoredAsync("a", channel: ChannelKind.Viber)).Id;

        var stored = await Outbox.GetAsync(id, Ct);

        Assert.Equal(broadcast with { Id = id, Reply = stored!.Reply }, stored);
        Assert.Equal(broadcast.Reply.Text, stored.Reply.Text);
    }

    [Fact]
    public async Task GetAsync_UnknownOutboxId_ReturnsNull()
    {
        var message = await Outbox.GetAsync(404, Ct);

        Assert.Null(message);
    }
}
