using Microsoft.Extensions.Logging;

namespace Hromada.Core.Sweeps;

/// <summary>
/// Runs one sweep at the injected clock's time, under its lease, so of several host instances one
/// runs each sweep at a time. The scheduler calls it; tests call it directly at a fake time.
/// </summary>
public sealed partial class SweepRunner(
    IEnumerable<ISweep> sweeps, ISweepStore store, TimeProvider time, SchedulingOptions options, ILogger<SweepRunner> logger)
{
    private readonly Dictionary<string, ISweep> _sweeps = sweeps.ToDictionary(sweep => sweep.Name, StringComparer.Ordinal);

    /// <summary>This instance's name in the leases: unique per process start.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public IReadOnlyCollection<ISweep> Sweeps => _sweeps.Values;

    /// <returns>False when another instance holds the sweep's lease, so this one ran nothing.</returns>
    public async Task<bool> RunAsync(string name, CancellationToken cancellationToken)
    {
        var sweep = _sweeps.GetValueOrDefault(name) ?? throw new ArgumentException($"No sweep named '{name}'.", nameof(name));
        var now = time.GetUtcNow();
        if (!await store.TryAcquireLeaseAsync(name, Holder, now, now + options.Lease, cancellationToken))
        {
            LogLeaseHeld(name);
            return false;
        }

        try
        {
            var handled = await sweep.RunAsync(now, cancellationToken);
            LogRan(name, handled);
            return true;
        }
        finally
        {
            // Released even when the run is cancelled, so the next instance need not wait out the lease.
            await store.ReleaseLeaseAsync(name, Holder, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sweep {Sweep} skipped: another instance holds its lease")]
    private partial void LogLeaseHeld(string sweep);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sweep {Sweep} ran: {Handled} items due")]
    private partial void LogRan(string sweep, int handled);
}
