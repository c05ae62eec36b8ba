using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Sweeps;

/// <summary>
/// Runs one sweep at the injected clock's time, under its lease, so of several host instances one
/// runs each sweep at a time. The scheduler calls it; tests call it directly at a fake time.
/// </summary>
public sealed partial class SweepRunner(
    IEnumerable<SweepRegistration> registrations,
    IServiceProvider services,
    ISweepStore store,
    TimeProvider time,
    SchedulingOptions options,
    ILogger<SweepRunner> logger)
{
    private readonly Dictionary<string, Type> _sweeps = registrations.ToDictionary(sweep => sweep.Name, sweep => sweep.Type, StringComparer.Ordinal);

    /// <summary>This instance's name in the leases: unique per process start.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public IReadOnlyCollection<string> Names => _sweeps.Keys;

    public ISweep Sweep(string name) =>
        _sweeps.TryGetValue(name, out var type)
            ? (ISweep)services.GetRequiredService(type)
            : throw new ArgumentException($"No sweep named '{name}'.", nameof(name));

    /// <returns>False when another instance holds the sweep's lease, so this one ran nothing.</returns>
    public async Task<bool> RunAsync(string name, CancellationToken cancellationToken)
    {
        var sweep = Sweep(name);
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
