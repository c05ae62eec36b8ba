using Hromada.Core.Localization;
using Hromada.Core.Sweeps;

namespace Hromada.Core.Statuses;

/// <summary>
/// The nightly <see cref="StatusRecomputation"/> as a sweep: it runs hourly and recomputes only in the
/// Kyiv hour <see cref="NightHour"/>, when residents are asleep and the network quiet. A shorter
/// Scheduling:Intervals:Statuses may recompute twice in that hour; the second run changes and tells nothing.
/// </summary>
public sealed class StatusSweep(StatusRecomputation recomputation) : ISweep
{
    public const string Name = "Statuses";

    public const int NightHour = 3;

    public TimeSpan DefaultInterval => TimeSpan.FromHours(1);

    /// <returns>How many residents' statuses changed; 0 outside the night hour.</returns>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        KyivTime.ToKyiv(now).Hour == NightHour ? (await recomputation.RecomputeAsync(now, cancellationToken)).Changed : 0;
}
