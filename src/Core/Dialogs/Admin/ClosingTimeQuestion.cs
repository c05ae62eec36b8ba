using System.Globalization;
using FluentValidation;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;

namespace Hromada.Core.Dialogs.Admin;

/// <summary>
/// "Until when is the poll open?": a button for 1 day, 3 days, 1 week or 2 weeks from now, or a typed
/// "dd.MM.yyyy HH:mm" in Kyiv time. Shared by /newpoll and the approval in /moderate.
/// </summary>
public static class ClosingTimeQuestion
{
    public const string Prefix = "closes:";
    public const string Format = "dd.MM.yyyy HH:mm";

    private static readonly ClosingTimeValidator Rule = new();

    public static OutboundReply Ask(DialogContext context) =>
        new(context.Text("Admin_AskClosingTime", KyivTime.Format(context.Now + TimeSpan.FromDays(7))))
        {
            Buttons =
            [
                [Button(context, "Admin_ClosesIn1Day", 1), Button(context, "Admin_ClosesIn3Days", 3)],
                [Button(context, "Admin_ClosesIn1Week", 7), Button(context, "Admin_ClosesIn2Weeks", 14)],
            ],
        };

    public static bool Take(DialogContext context, AdminDraft draft)
    {
        var pressed = context.Message.ButtonData;
        DateTimeOffset? at = pressed is not null
            ? pressed.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(pressed.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                && days is 1 or 3 or 7 or 14
                ? context.Now.AddDays(days)
                : null
            : DateTime.TryParseExact(context.Message.Text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var typed)
                ? KyivTime.FromKyiv(typed)
                : null;
        return context.Accept(Rule, new ClosingTime(at, context.Now), accepted => draft.ClosesAt = accepted.At);
    }

    private static ReplyButton Button(DialogContext context, string key, int days) =>
        new(context.Text(key), Prefix + days.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A closing time as read (null when it could not be read) and the moment it was given.</summary>
public sealed record ClosingTime(DateTimeOffset? At, DateTimeOffset Now);

/// <summary>At least an hour ahead, so residents can answer, and at most a year. Error codes are text keys.</summary>
public sealed class ClosingTimeValidator : AbstractValidator<ClosingTime>
{
    public static readonly TimeSpan MinAhead = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    public ClosingTimeValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(time => time.At).NotNull().WithErrorCode("Problem_ClosingTimeFormat");
        RuleFor(time => time.At).Must((time, at) => at >= time.Now + MinAhead).WithErrorCode("Problem_ClosingTimeTooSoon")
            .Must((time, at) => at <= time.Now + MaxAhead).WithErrorCode("Problem_ClosingTimeTooFar")
            .When(time => time.At is not null);
    }
}
