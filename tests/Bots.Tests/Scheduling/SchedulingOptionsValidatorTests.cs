using Hromada.Bots.Scheduling;
using Hromada.Core.Sweeps;

namespace Hromada.Bots.Tests.Scheduling;

public sealed class SchedulingOptionsValidatorTests
{
    private static readonly SchedulingOptionsValidator Validator = new(
        [new SweepRegistration(PollClosingSweep.Name, typeof(PollClosingSweep)), new SweepRegistration(PollNudgeSweep.Name, typeof(PollNudgeSweep))]);

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = Validator.Validate(null, new SchedulingOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_IntervalOfAnUnknownSweep_NamesItAndTheSweeps()
    {
        var options = new SchedulingOptions { Intervals = new(StringComparer.OrdinalIgnoreCase) { ["PollClosng"] = TimeSpan.FromMinutes(1) } };

        var result = Validator.Validate(null, options);

        Assert.Equal(["Scheduling:Intervals:PollClosng names no sweep; the sweeps are PollClosing, PollNudge."], result.Failures);
    }

    [Fact]
    public void Validate_ValuesOutOfRange_NamesEachKey()
    {
        var options = new SchedulingOptions
        {
            Lease = TimeSpan.FromSeconds(1),
            PollNudgeBefore = TimeSpan.Zero,
            Intervals = new(StringComparer.OrdinalIgnoreCase) { ["pollnudge"] = TimeSpan.Zero },
        };

        var result = Validator.Validate(null, options);

        Assert.Equal(
            ["Scheduling:Lease must be 10 seconds to 1 day.", "Scheduling:PollNudgeBefore must be 1 minute to 30 days.", "Scheduling:Intervals:pollnudge must be 1 second to 1 day."],
            result.Failures);
    }

    [Fact]
    public void Validate_DigestAndEscalationValuesOutOfRange_NamesEachKey()
    {
        var options = new SchedulingOptions
        {
            DigestHour = 24,
            WeeklyDigestDay = (DayOfWeek)7,
            ReportEscalationAfter = TimeSpan.FromMinutes(59),
        };

        var result = Validator.Validate(null, options);

        Assert.Equal(
            [
                "Scheduling:DigestHour must be 0 to 23 (a Kyiv hour).",
                "Scheduling:WeeklyDigestDay must be a day of the week, such as Monday.",
                "Scheduling:ReportEscalationAfter must be 1 hour to 30 days.",
            ],
            result.Failures);
    }
}
