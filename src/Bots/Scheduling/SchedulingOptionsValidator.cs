using Hromada.Core.Sweeps;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Scheduling;

/// <summary>
/// The ranges of the "Scheduling" values. Whether each interval names a sweep is checked by
/// <see cref="SweepSchedule"/>: a validator that built the sweeps would need these options first.
/// </summary>
internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        var failures = new List<string>();
        if (options.Lease < TimeSpan.FromSeconds(10) || options.Lease > TimeSpan.FromDays(1))
        {
            failures.Add("Scheduling:Lease must be 10 seconds to 1 day.");
        }

        if (options.PollNudgeBefore < TimeSpan.FromMinutes(1) || options.PollNudgeBefore > TimeSpan.FromDays(30))
        {
            failures.Add("Scheduling:PollNudgeBefore must be 1 minute to 30 days.");
        }

        failures.AddRange(options.Intervals
            .Where(interval => interval.Value < MinInterval || interval.Value > MaxInterval)
            .Select(interval => $"Scheduling:Intervals:{interval.Key} must be 1 second to 1 day."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
