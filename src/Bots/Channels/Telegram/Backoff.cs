namespace Hromada.Bots.Channels.Telegram;

/// <summary>Waits 1 s after the first failure, doubling up to 5 minutes, until <see cref="Reset"/>.</summary>
internal sealed class Backoff(TimeProvider time)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    private TimeSpan _next = First;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = _next;
        _next = _next * 2 > Longest ? Longest : _next * 2;
        await Task.Delay(delay, time, cancellationToken);
    }

    public void Reset() => _next = First;
}
