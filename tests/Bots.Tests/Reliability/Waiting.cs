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
}
