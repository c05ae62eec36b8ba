using Hromada.Core.Sweeps;
using Quartz;
using SchedulingOptions = Hromada.Core.Sweeps.SchedulingOptions;

namespace Hromada.Bots.Scheduling;

/// <summary>
/// Schedules one Quartz job per sweep, first one interval after start-up (the host's own start-up
/// writes go first), then at that interval. Quartz keeps the schedule in memory: what is due lives in
/// the store, so a restart loses nothing, and the first run after it picks up whatever fell due while
/// the host was down.
/// </summary>
internal sealed class SweepSchedule(ISchedulerFactory schedulers, SweepRunner runner, SchedulingOptions options) : IHostedService
{
    public const string Group = "sweeps";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var name in runner.Names)
        {
            var job = JobBuilder.Create<SweepJob>()
                .WithIdentity(name, Group)
                .UsingJobData(SweepJob.SweepKey, name)
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(name, Group)
                .StartAt(DateTimeOffset.UtcNow + options.IntervalOf(name, runner.Sweep(name)))
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(options.IntervalOf(name, runner.Sweep(name)))
                    .RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
