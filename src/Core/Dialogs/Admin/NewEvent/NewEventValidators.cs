using FluentValidation;

namespace Hromada.Core.Dialogs.Admin.NewEvent;

/// <summary>An event's title: a few words residents recognise it by in a list. Error codes are text keys.</summary>
public sealed class EventTitleValidator : AbstractValidator<string>
{
    public const int MinLength = 5;
    public const int MaxLength = 150;

    public EventTitleValidator() =>
        RuleFor(title => title).Length(MinLength, MaxLength).WithErrorCode("Problem_EventTitleLength").OverridePropertyName("title");
}

/// <summary>Where it happens: an address, a hall, or "online". Error codes are text keys.</summary>
public sealed class EventPlaceValidator : AbstractValidator<string>
{
    public const int MinLength = 3;
    public const int MaxLength = 200;

    public EventPlaceValidator() =>
        RuleFor(place => place).Length(MinLength, MaxLength).WithErrorCode("Problem_EventPlaceLength").OverridePropertyName("place");
}

/// <summary>A start time as read (null when it could not be read) and the moment it was given.</summary>
public sealed record EventStart(DateTimeOffset? At, DateTimeOffset Now);

/// <summary>A readable time in the future, at most a year and a half ahead. Error codes are text keys.</summary>
public sealed class EventStartValidator : AbstractValidator<EventStart>
{
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(550);

    public EventStartValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(start => start.At).NotNull().WithErrorCode("Problem_EventTimeFormat");
        RuleFor(start => start.At).Must((start, at) => at > start.Now).WithErrorCode("Problem_EventTimeInPast")
            .Must((start, at) => at <= start.Now + MaxAhead).WithErrorCode("Problem_EventTimeTooFar")
            .When(start => start.At is not null);
    }
}
