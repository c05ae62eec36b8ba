namespace Hromada.Core.Sweeps;

/// <summary>
/// Scheduled work as a sweep over stored due items: each run looks at what is due at
/// <c>now</c> and handles it. A run may be repeated (a crash, a second instance whose lease
/// expired), so handling an item twice must change nothing: notifications go through
/// <see cref="Residents.ResidentNotifier"/> with a key per item and resident, and an item's progress
/// is stored (its status, or a mark in <see cref="ISweepStore"/>). Registered with <c>AddSweep</c>
/// under its name.
/// </summary>
public interface ISweep
{
    /// <summary>How often the sweep runs unless Scheduling:Intervals:&lt;name&gt; says otherwise.</summary>
    TimeSpan DefaultInterval { get; }

    /// <returns>How many due items the run handled, for the log.</returns>
    Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// A sweep as registered: its name, stable across releases (it names the lease, the scheduled job and
/// the interval setting), and its class. Known without building the sweep, so the options can be
/// checked against the names before any sweep exists.
/// </summary>
public sealed record SweepRegistration(string Name, Type Type);
