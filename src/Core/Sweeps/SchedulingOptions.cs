namespace Hromada.Core.Sweeps;

/// <summary>The "Scheduling" configuration section: when the sweeps run, and the rules they apply.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>False runs no sweep in this instance (another instance may run them).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a run keeps other instances off its sweep. A run longer than this may overlap one
    /// elsewhere; the sweeps' idempotency keeps that harmless, the lease keeps it rare.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Per sweep name, how often it runs; a sweep not listed runs at its default interval.</summary>
    public Dictionary<string, TimeSpan> Intervals { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long before a poll closes its non-voters are reminded of it.</summary>
    public TimeSpan PollNudgeBefore { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The Kyiv hour the daily and weekly digests are due (a resident whose quiet hours hold it gets
    /// theirs when they end): 9, the start of the working day.
    /// </summary>
    public int DigestHour { get; set; } = 9;

    /// <summary>The Kyiv day the weekly digest is due: Monday, with the week ahead.</summary>
    public DayOfWeek WeeklyDigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How long a problem report may stay new (nobody acknowledged it) before its community's moderators are told.</summary>
    public TimeSpan ReportEscalationAfter { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan IntervalOf(string name, ISweep sweep) => Intervals.GetValueOrDefault(name, sweep.DefaultInterval);
}
