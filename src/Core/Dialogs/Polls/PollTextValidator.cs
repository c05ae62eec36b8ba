using FluentValidation;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>A poll's question and options as a resident or an admin typed them.</summary>
public sealed record PollText(string Question, IReadOnlyList<string> Options)
{
    /// <summary>The one-message form: the first non-empty line is the question, each next one an option.</summary>
    public static PollText Parse(string text)
    {
        var lines = Lines(text);
        return lines.Count == 0 ? new PollText("", []) : new PollText(lines[0], [.. lines.Skip(1)]);
    }

    /// <summary>The non-empty lines of <paramref name="text"/>, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
}

/// <summary>A poll question. Error codes are text keys.</summary>
public sealed class QuestionValidator : AbstractValidator<string>
{
    public const int MinLength = 5;
    public const int MaxLength = 300;

    public QuestionValidator() =>
        RuleFor(question => question)
            .Length(MinLength, MaxLength).WithErrorCode("Problem_QuestionLength")
            .OverridePropertyName("question");
}

/// <summary>A poll's options: 2 to 10, each one line of 1 to 100 characters, no two alike. Error codes are text keys.</summary>
public sealed class OptionsValidator : AbstractValidator<IReadOnlyList<string>>
{
    public const int MinCount = 2;
    public const int MaxCount = 10;
    public const int MaxLength = 100;

    /// <param name="complete">False while a resident is still adding options: fewer than 2 are fine then.</param>
    public OptionsValidator(bool complete = true)
    {
        RuleFor(options => options)
            .Cascade(CascadeMode.Stop)
            .Must(options => options.All(option => option.Length is > 0 and <= MaxLength)).WithErrorCode("Problem_OptionLength")
            .Must(options => options.Distinct(StringComparer.OrdinalIgnoreCase).Count() == options.Count).WithErrorCode("Problem_OptionRepeated")
            .Must(options => options.Count <= MaxCount).WithErrorCode("Problem_OptionsTooMany")
            .Must(options => options.Count >= MinCount).WithErrorCode("Problem_OptionsTooFew").When(_ => complete, ApplyConditionTo.CurrentValidator)
            .OverridePropertyName("options");
    }
}

/// <summary>A whole poll text: the question first, then the options.</summary>
public sealed class PollTextValidator : AbstractValidator<PollText>
{
    public PollTextValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(text => text.Question).SetValidator(new QuestionValidator());
        RuleFor(text => text.Options).SetValidator(new OptionsValidator());
    }
}

/// <summary>A strategic poll's planning period, such as "2026–2030" or "до 2035 року". Error codes are text keys.</summary>
public sealed class HorizonValidator : AbstractValidator<string>
{
    public const int MinLength = 4;
    public const int MaxLength = 40;

    public HorizonValidator() =>
        RuleFor(horizon => horizon)
            .Length(MinLength, MaxLength).WithErrorCode("Problem_HorizonLength")
            .OverridePropertyName("horizon");
}
