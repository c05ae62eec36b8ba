namespace Hromada.Core.Sweeps;

/// <summary>
/// Scheduled work as a sweep over stored due items: each run looks at what is due at
/// <c>now</c> and handles it. A run may be repeated (a crash, a second instance whose lease
/// expired), so handling an item twice must change nothing: notifications go through
/// <see cref="Residents.ResidentNotifier"/> with a key per item and resident, and an item's progress
/// is stored (its status, or a mark in <see cref="ISweepStore"/>). Registered with <c>AddSweep</c>.
/// </summary>
public interface ISweep
{
    /// <summary>Stable across releases: it names the lease, the scheduled job and the interval setting.</summary>
    string Name { get; }

    /// <summary>How often the sweep runs unless Scheduling:Intervals:&lt;Name&gt; says otherwise.</summary>
    TimeSpan DefaultInterval { get; }

    /// <returns>How many due items the run handled, for the log.</returns>
    Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
