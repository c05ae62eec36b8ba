using System.Diagnostics;

namespace Hromada.Bots.Tests.Reliability;

/// <summary>Polls a condition that a child process or background work makes true, failing with a message that says what was missing.</summary>
internal static class Waiting
{
    public static Task UntilAsync(Func<bool> done, Func<string> failure, TimeSpan limit) =>
        UntilAsync(() => Task.FromResult(done()), failure, limit);

    public static async Task UntilAsync(Func<Task<bool>> done, Func<string> failure, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await done())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                Assert.Fail($"Gave up after {limit.TotalSeconds} s: {failure()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Like <see cref="UntilAsync(Func{bool}, Func{string}, TimeSpan)"/>, but gives up only once
    /// <paramref name="progress"/> has stood still for <paramref name="stall"/>: long work on a busy
    /// machine is slow, not stuck, and a fixed limit would fail it.
    /// </summary>
    public static async Task WhileProgressingAsync(Func<bool> done, Func<int> progress, Func<string> failure, TimeSpan stall)
    {
        var last = progress();
        var movedAt = Stopwatch.GetTimestamp();
        while (!done())
        {
            if (progress() is var now && now != last)
            {
                (last, movedAt) = (now, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(movedAt) > stall)
            {
                Assert.Fail($"Gave up after {stall.TotalSeconds} s without progress: {failure()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), TestContext.Current.CancellationToken);
        }
    }
}
