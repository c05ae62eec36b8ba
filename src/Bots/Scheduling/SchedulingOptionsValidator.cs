using Hromada.Core.Sweeps;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Scheduling;

/// <summary>The "Scheduling" values' ranges, and that each interval names a registered sweep.</summary>
internal sealed class SchedulingOptionsValidator(IEnumerable<SweepRegistration> sweeps) : IValidateOptions<SchedulingOptions>
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

        if (options.DigestHour is < 0 or > 23)
        {
            failures.Add("Scheduling:DigestHour must be 0 to 23 (a Kyiv hour).");
        }

        if (!Enum.IsDefined(options.WeeklyDigestDay))
        {
            failures.Add("Scheduling:WeeklyDigestDay must be a day of the week, such as Monday.");
        }

        if (options.ReportEscalationAfter < TimeSpan.FromHours(1) || options.ReportEscalationAfter > TimeSpan.FromDays(30))
        {
            failures.Add("Scheduling:ReportEscalationAfter must be 1 hour to 30 days.");
        }

        var names = sweeps.Select(sweep => sweep.Name).Order(StringComparer.Ordinal).ToList();
        failures.AddRange(options.Intervals.Keys
            .Where(key => !names.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Select(key => $"Scheduling:Intervals:{key} names no sweep; the sweeps are {string.Join(", ", names)}."));
        failures.AddRange(options.Intervals
            .Where(interval => interval.Value < MinInterval || interval.Value > MaxInterval)
            .Select(interval => $"Scheduling:Intervals:{interval.Key} must be 1 second to 1 day."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
