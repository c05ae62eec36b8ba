using Hromada.Core.Sweeps;
using Microsoft.Extensions.Options;
using Quartz;
using SchedulingOptions = Hromada.Core.Sweeps.SchedulingOptions;

namespace Hromada.Bots.Scheduling;

/// <summary>
/// Schedules one Quartz job per sweep, repeating at its interval from start-up on. Quartz keeps the
/// schedule in memory: what is due lives in the store, so a restart loses nothing, and the first run
/// after it picks up whatever fell due while the host was down.
/// </summary>
internal sealed class SweepSchedule(ISchedulerFactory schedulers, SweepRunner runner, SchedulingOptions options) : IHostedService
{
    public const string Group = "sweeps";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var names = runner.Sweeps.Select(sweep => sweep.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = options.Intervals.Keys.Where(key => !names.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            throw new OptionsValidationException(
                SchedulingOptions.Section,
                typeof(SchedulingOptions),
                [.. unknown.Select(key => $"Scheduling:Intervals:{key} names no sweep; the sweeps are {string.Join(", ", names.Order())}.")]);
        }

        if (!options.Enabled)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var sweep in runner.Sweeps)
        {
            var job = JobBuilder.Create<SweepJob>()
                .WithIdentity(sweep.Name, Group)
                .UsingJobData(SweepJob.SweepKey, sweep.Name)
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(sweep.Name, Group)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(options.IntervalOf(sweep))
                    .RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
