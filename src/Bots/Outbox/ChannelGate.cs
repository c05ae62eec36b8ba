using System.Threading.RateLimiting;
using Hromada.Core.Conversations;

namespace Hromada.Bots.Outbox;

/// <summary>
/// One channel's way out: a token bucket for its messages per second, and a pause the platform can
/// order (a 429's retry_after) that holds every sender on the channel until it ends. The bucket
/// serves its queue in order, so broadcasts queue in it one at a time: a reply waits behind at most
/// one broadcast, however many are held.
/// </summary>
internal sealed class ChannelGate : IDisposable
{
    /// <summary>How often the bucket is refilled; what a refill adds follows the time actually passed.</summary>
    private static readonly TimeSpan RefillEvery = TimeSpan.FromMilliseconds(10);

    /// <summary>How late a refill may come and lose nothing: the bucket holds this much of the rate.</summary>
    private static readonly TimeSpan BucketHolds = TimeSpan.FromMilliseconds(20);

    private readonly TokenBucketRateLimiter? _limiter;
    private readonly ITimer? _refill;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _broadcastTurn = new(1, 1);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public ChannelGate(ChannelRateLimit limit, TimeProvider time)
    {
        _time = time;
        if (limit.MessagesPerSecond > 0)
        {
            // Refilled by the time passed, not a fixed amount per timer tick, so a tick that comes late
            // loses nothing (a 1 ms period ticked every 4 ms capped 1,000/s at 243/s) as long as the
            // bucket holds what the late tick adds: 20 ms' worth, at least one. What the bucket holds
            // comes off the refill rate, so no second sees more than the limit (from 2/s up): the platform's
            // own bucket then keeps a little slack for sends the network bunches (refilled at the
            // full rate, the gate used that slack up and a 30 ms bucket drew 178 × 429).
            var holds = Math.Max(1, (int)Math.Ceiling(limit.MessagesPerSecond * BucketHolds.TotalSeconds));
            _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = holds,
                TokensPerPeriod = Math.Max(1, limit.MessagesPerSecond - holds),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = false,
            });

            // Real time, as the limiter measures the time passed with the stopwatch.
            _refill = TimeProvider.System.CreateTimer(_ => _limiter.TryReplenish(), null, RefillEvery, RefillEvery);
        }
    }

    /// <summary>Holds the channel until <paramref name="until"/>, unless it is held longer already.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>
    /// Returns holding one of <paramref name="sendSlots"/> once one message may go: the pause is over
    /// and the bucket gave a token. The slot comes first, so a message goes the moment it has its
    /// token; tokens taken while every slot was busy made sends bunch up at the platform (429s).
    /// </summary>
    public async Task WaitAsync(OutboxPriority priority, SemaphoreSlim sendSlots, CancellationToken cancellationToken)
    {
        if (priority == OutboxPriority.Reply)
        {
            await WaitForSlotAndTokenAsync(sendSlots, cancellationToken);
            return;
        }

        await _broadcastTurn.WaitAsync(cancellationToken);
        try
        {
            await WaitForSlotAndTokenAsync(sendSlots, cancellationToken);
        }
        finally
        {
            _broadcastTurn.Release();
        }
    }

    public void Dispose()
    {
        _refill?.Dispose();
        _limiter?.Dispose();
        _broadcastTurn.Dispose();
    }

    private async Task WaitForSlotAndTokenAsync(SemaphoreSlim sendSlots, CancellationToken cancellationToken)
    {
        await sendSlots.WaitAsync(cancellationToken);
        try
        {
            await WaitForTokenAsync(cancellationToken);
        }
        catch
        {
            sendSlots.Release();
            throw;
        }
    }

    private async Task WaitForTokenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitOutPauseAsync(cancellationToken);
            if (_limiter is not null)
            {
                using var permit = await _limiter.AcquireAsync(1, cancellationToken);
                if (!permit.IsAcquired)
                {
                    throw new InvalidOperationException("The channel's rate limiter refused a permit.");
                }
            }

            // A pause ordered while waiting for the token holds this message too.
            if (PausedFor() <= TimeSpan.Zero)
            {
                return;
            }
        }
    }

    private async Task WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        while ((wait = PausedFor()) > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private TimeSpan PausedFor()
    {
        lock (_lock)
        {
            return _pausedUntil - _time.GetUtcNow();
        }
    }
}
