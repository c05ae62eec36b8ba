using Hromada.Core.Sweeps;
using Quartz;

namespace Hromada.Bots.Scheduling;

/// <summary>
/// The Quartz side of a sweep: it only hands the sweep's name to the <see cref="SweepRunner"/>, which
/// takes the lease and runs the Core logic at the injected clock's time. A run that throws is logged
/// by Quartz and retried at the next interval.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(SweepRunner runner) : IJob
{
    public const string SweepKey = "sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(context.MergedJobDataMap.GetString(SweepKey)!, cancellationToken);
}
