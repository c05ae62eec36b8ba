using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Hromada.Core.Subscriptions;

namespace Hromada.Core.Dialogs.Subscribe;

/// <summary>Quiet hours as a resident types them: "22-8", "22–08", "22:00-08:00". Null hours when the text is no such pair.</summary>
public sealed partial record QuietHoursText(int? Start, int? End)
{
    public static QuietHoursText Parse(string text) =>
        Pattern().Match(text) is { Success: true } match
            ? new QuietHoursText(Hour(match.Groups["start"].Value), Hour(match.Groups["end"].Value))
            : new QuietHoursText(null, null);

    /// <summary>The quiet hours named; only for a text the validator accepted.</summary>
    public QuietHours ToQuietHours() => new(Start!.Value, End!.Value);

    private static int Hour(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<start>\d{1,2})(?::00)?\s*[-–—]\s*(?<end>\d{1,2})(?::00)?\s*$")]
    private static partial Regex Pattern();
}

/// <summary>Typed quiet hours: a start-end pair of different hours from 0 to 23. Error codes are text keys.</summary>
public sealed class QuietHoursTextValidator : AbstractValidator<QuietHoursText>
{
    public QuietHoursTextValidator()
    {
        RuleFor(text => text)
            .Cascade(CascadeMode.Stop)
            .Must(text => text.Start is not null && text.End is not null).WithErrorCode("Problem_QuietHoursFormat")
            .Must(text => text.Start <= 23 && text.End <= 23).WithErrorCode("Problem_QuietHoursRange")
            .Must(text => text.Start != text.End).WithErrorCode("Problem_QuietHoursSame")
            .OverridePropertyName("quietHours");
    }
}
