namespace Hromada.Bots.Tests;

/// <summary>Polls for a result that background work produces, failing after a timeout.</summary>
internal static class Eventually
{
    public static async Task<T> ResultAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var result = await read();
            if (done(result))
            {
                return result;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting after {timeout ?? TimeSpan.FromSeconds(10)}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
