using Hromada.Core.Statuses;
using Hromada.Core.Sweeps;
using Microsoft.Extensions.Options;
using Quartz;
using SchedulingOptions = Hromada.Core.Sweeps.SchedulingOptions;

namespace Hromada.Bots.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The sweeps, and the Quartz scheduler that runs each at its interval through the
    /// <see cref="SweepRunner"/>, with the "Scheduling" options validated on start. A new sweep is a
    /// Core class implementing <see cref="ISweep"/> plus one <see cref="AddSweep{TSweep}"/> line here.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SchedulingOptions>>().Value);
        services.AddSingleton<SweepRunner>();
        services.AddQuartz();

        // Quartz keeps schedulers in a process-wide registry by name: each host (a test runs several) gets its own.
        services.Configure<QuartzSchedulerOptions>(quartz => quartz.InstanceName = $"hromada-{Guid.NewGuid():N}");
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<SweepSchedule>();

        services.AddSweep<PollClosingSweep>(PollClosingSweep.Name);
        services.AddSweep<PollNudgeSweep>(PollNudgeSweep.Name);
        services.AddSweep<StatusSweep>(StatusSweep.Name);
        services.AddSweep<EventReminderSweep>(EventReminderSweep.Name);
        services.AddSweep<DigestSweep>(DigestSweep.Name);
        services.AddSweep<ReportEscalationSweep>(ReportEscalationSweep.Name);
        return services;
    }

    /// <param name="name">Stable across releases: it names the lease, the job and Scheduling:Intervals:&lt;name&gt;.</param>
    public static IServiceCollection AddSweep<TSweep>(this IServiceCollection services, string name)
        where TSweep : class, ISweep
    {
        services.AddSingleton<TSweep>();
        services.AddSingleton(new SweepRegistration(name, typeof(TSweep)));
        return services;
    }
}
