using Hromada.Core.Broadcasts;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;

namespace Hromada.Persistence.Tests;

/// <summary>Broadcasts, and the outbox queries their progress and cancel rely on.</summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset BroadcastAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Broadcast NewBroadcast(string id, string author = "r1", int minutesLater = 0) => new()
    {
        Id = id,
        AuthorResidentId = author,
        AuthorActorId = "telegram:1",
        Audience = new BroadcastAudience(["kamianske"], ["ecology"], [ResidentStatus.Responsible]),
        Text = "Завтра не буде води",
        PhotoId = "photo-1",
        CreatedAt = BroadcastAt.AddMinutes(minutesLater),
    };

    [Fact]
    public async Task BroadcastSaveAsync_ThenGet_ReturnsEveryField()
    {
        var broadcast = NewBroadcast("b1") with { Status = BroadcastStatus.Sending, Recipients = 7, Unreachable = 2 };

        await Broadcasts.SaveAsync(broadcast, Ct);
        var stored = await Broadcasts.GetAsync("b1", Ct);

        Assert.NotNull(stored);
        Assert.Equal(
            (broadcast.AuthorResidentId, broadcast.AuthorActorId, broadcast.Text, broadcast.PhotoId, broadcast.Status, broadcast.CreatedAt, 7, 2),
            (stored.AuthorResidentId, stored.AuthorActorId, stored.Text, stored.PhotoId, stored.Status, stored.CreatedAt, stored.Recipients, stored.Unreachable));
        Assert.Equal(["kamianske"], stored.Audience.Communities!);
        Assert.Equal(["ecology"], stored.Audience.Spheres);
        Assert.Equal([ResidentStatus.Responsible], stored.Audience.Statuses);
    }

    [Fact]
    public async Task BroadcastSaveAsync_EveryoneAudience_KeepsNullCommunities()
    {
        await Broadcasts.SaveAsync(NewBroadcast("b1") with { Audience = new BroadcastAudience(null, [], []) }, Ct);

        var stored = await Broadcasts.GetAsync("b1", Ct);

        Assert.Null(stored!.Audience.Communities);
    }

    [Fact]
    public async Task ListByStatusAsync_MixedStatuses_ReturnsThatStatusOldestFirst()
    {
        await Broadcasts.SaveAsync(NewBroadcast("late", minutesLater: 5), Ct);
        await Broadcasts.SaveAsync(NewBroadcast("early"), Ct);
        await Broadcasts.SaveAsync(NewBroadcast("sent", minutesLater: 1) with { Status = BroadcastStatus.Sending }, Ct);

        var queued = await Broadcasts.ListByStatusAsync(BroadcastStatus.Queued, Ct);

        Assert.Equal(["early", "late"], queued.Select(broadcast => broadcast.Id));
    }

    [Fact]
    public async Task ListRecentAsync_SeveralAuthors_ReturnsTheAuthorsNewestFirstUpToLimit()
    {
        await Broadcasts.SaveAsync(NewBroadcast("a1"), Ct);
        await Broadcasts.SaveAsync(NewBroadcast("a2", minutesLater: 1), Ct);
        await Broadcasts.SaveAsync(NewBroadcast("a3", minutesLater: 2), Ct);
        await Broadcasts.SaveAsync(NewBroadcast("other", author: "r2", minutesLater: 3), Ct);

        var recent = await Broadcasts.ListRecentAsync("r1", 2, Ct);

        Assert.Equal(["a3", "a2"], recent.Select(broadcast => broadcast.Id));
    }

    [Fact]
    public async Task CountByKeyPrefixAsync_MessagesInSeveralStatuses_CountsOnlyThePrefix()
    {
        await Outbox.AddAsync(
            [Broadcast("broadcast:b1:r1", "1"), Broadcast("broadcast:b1:r2", "2"), Broadcast("broadcast:b1:r3", "3"),
             Broadcast("broadcast:b10:r1", "4"), Reply("reply:1", "5")],
            Ct);
        var claimed = await Outbox.ClaimDueAsync(Now, Lease, 10, Ct);
        await Outbox.MarkSentAsync(claimed.Single(m => m.IdempotencyKey == "broadcast:b1:r1").Id, "m1", Now, Ct);
        await Outbox.MarkFailedAsync(claimed.Single(m => m.IdempotencyKey == "broadcast:b1:r2").Id, "boom", Ct);

        var counts = await Outbox.CountByKeyPrefixAsync("broadcast:b1:", Ct);

        Assert.Equal(
            new Dictionary<OutboxStatus, int> { [OutboxStatus.Sent] = 1, [OutboxStatus.Failed] = 1, [OutboxStatus.Pending] = 1 },
            counts.OrderBy(pair => pair.Key).ToDictionary());
    }

    [Fact]
    public async Task DropPendingByKeyPrefixAsync_PendingAndSent_DropsOnlyPendingOfThePrefixAndNeverClaimsThem()
    {
        await Outbox.AddAsync(
            [Broadcast("broadcast:b1:r1", "1"), Broadcast("broadcast:b1:r2", "2"), Broadcast("broadcast:b2:r1", "3")], Ct);
        var first = (await Outbox.ClaimDueAsync(Now, Lease, 1, Ct)).Single();
        await Outbox.MarkSentAsync(first.Id, "m1", Now, Ct);

        var dropped = await Outbox.DropPendingByKeyPrefixAsync("broadcast:b1:", "cancelled", Ct);

        Assert.Equal(1, dropped);
        var counts = await Outbox.CountByKeyPrefixAsync("broadcast:b1:", Ct);
        Assert.Equal((1, 1), (counts[OutboxStatus.Sent], counts[OutboxStatus.Dropped]));
        var claimable = await Outbox.ClaimDueAsync(Now.AddHours(1), Lease, 10, Ct);
        Assert.Equal(["broadcast:b2:r1"], claimable.Select(message => message.IdempotencyKey));
    }
}
