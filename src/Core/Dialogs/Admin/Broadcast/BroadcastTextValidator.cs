using FluentValidation;

namespace Hromada.Core.Dialogs.Admin.Broadcast;

/// <summary>
/// A broadcast's text: <see cref="MinLength"/> to <see cref="MaxLength"/> characters, a limit that
/// fits a Telegram photo caption (1,024), so the preview is what arrives with or without a photo.
/// Error codes are text keys.
/// </summary>
public sealed class BroadcastTextValidator : AbstractValidator<string>
{
    public const int MinLength = 10;
    public const int MaxLength = 1000;

    public BroadcastTextValidator() =>
        RuleFor(text => text)
            .Length(MinLength, MaxLength).WithErrorCode("Problem_BroadcastTextLength")
            .OverridePropertyName("text");
}
