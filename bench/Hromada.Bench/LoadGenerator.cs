using System.Diagnostics;

namespace Hromada.Bench;

/// <summary>What a load run measured after its warm-up: requests answered as wanted, the others, and every answer's latency.</summary>
internal sealed record LoadResult(long Succeeded, long Failed, TimeSpan Measured, Latencies Latencies)
{
    public double PerSecond => Succeeded / Measured.TotalSeconds;
}

/// <summary>
/// A closed loop: <c>concurrency</c> callers each send a request as soon as their last one was
/// answered, for the warm-up and then the measured time; only the measured part counts. A request
/// still open at the end finishes but is not counted.
/// </summary>
internal static class LoadGenerator
{
    /// <param name="request">Sends one request and says whether it was answered as wanted.</param>
    public static async Task<LoadResult> RunAsync(
        int concurrency, TimeSpan warmup, TimeSpan measured, Func<CancellationToken, Task<bool>> request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var callers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => CallAsync(request, measureFrom, measureUntil, cancellationToken), cancellationToken))
            .ToList();
        var results = await Task.WhenAll(callers);

        return new LoadResult(
            results.Sum(result => result.Succeeded),
            results.Sum(result => result.Failed),
            measured,
            new Latencies([.. results.SelectMany(result => result.Milliseconds)]));
    }

    private static async Task<Caller> CallAsync(
        Func<CancellationToken, Task<bool>> request, long measureFrom, long measureUntil, CancellationToken cancellationToken)
    {
        var caller = new Caller();
        while (Stopwatch.GetTimestamp() < measureUntil && !cancellationToken.IsCancellationRequested)
        {
            var sent = Stopwatch.GetTimestamp();
            var ok = await request(cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            if (sent < measureFrom || answered > measureUntil)
            {
                continue;
            }

            if (ok)
            {
                caller.Succeeded++;
                caller.Milliseconds.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
            }
            else
            {
                caller.Failed++;
            }
        }

        return caller;
    }

    private sealed class Caller
    {
        public long Succeeded { get; set; }

        public long Failed { get; set; }

        public List<double> Milliseconds { get; } = [];
    }
}

/// <summary>Latencies in milliseconds, sorted once for percentiles.</summary>
internal sealed class Latencies
{
    private readonly double[] _sorted;

    public Latencies(double[] milliseconds)
    {
        _sorted = milliseconds;
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    /// <summary>The nearest-rank percentile, e.g. 99 for p99; NaN with no samples.</summary>
    public double Percentile(double percent) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];
}
