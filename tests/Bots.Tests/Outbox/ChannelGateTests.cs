using System.Diagnostics;
using Hromada.Bots.Outbox;
using Hromada.Core.Conversations;

namespace Hromada.Bots.Tests.Outbox;

public sealed class ChannelGateTests
{
    [Fact]
    public async Task WaitAsync_MoreWaitersThanTheRate_LetsTheRateThroughAndNeverMoreInAnySecond()
    {
        const int rate = 100;
        using var gate = new ChannelGate(new ChannelRateLimit { MessagesPerSecond = rate }, TimeProvider.System);
        using var slots = new SemaphoreSlim(150);
        var passed = new List<long>();

        await Task.WhenAll(Enumerable.Range(0, 150).Select(async i =>
        {
            await gate.WaitAsync(i % 2 == 0 ? OutboxPriority.Reply : OutboxPriority.Broadcast, slots, TestContext.Current.CancellationToken);
            lock (passed)
            {
                passed.Add(Stopwatch.GetTimestamp());
            }
        }));

        // At 100/s the bucket holds two tokens, full at the start, and refills 98 a second. The lower
        // bound is loose (timers run late on a busy machine) but catches a bucket refilled per tick,
        // which let through a quarter of the rate.
        var times = passed.Order().ToList();
        var busiestSecond = times.Max(start => times.Count(t => t >= start && t - start < Stopwatch.Frequency));
        Assert.Equal(150, times.Count);
        Assert.InRange(busiestSecond, rate / 2, rate);
    }

    [Fact]
    public async Task WaitAsync_NoSendSlotFree_TakesNoTokenMeanwhile()
    {
        // At 1/s the bucket starts with one token and the next comes a second later.
        using var gate = new ChannelGate(new ChannelRateLimit { MessagesPerSecond = 1 }, TimeProvider.System);
        using var busy = new SemaphoreSlim(0);
        using var free = new SemaphoreSlim(1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var waitingForSlot = gate.WaitAsync(OutboxPriority.Reply, busy, stop.Token);

        var theToken = gate.WaitAsync(OutboxPriority.Broadcast, free, stop.Token);

        await theToken.WaitAsync(TimeSpan.FromMilliseconds(900), TestContext.Current.CancellationToken);
        Assert.False(waitingForSlot.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waitingForSlot);
    }
}
