using System.Text.RegularExpressions;
using FluentValidation;

namespace Hromada.Core.Dialogs.Profile;

/// <summary>A name as residents write it: letters, spaces, hyphens and apostrophes. Error codes are text keys.</summary>
public sealed partial class NameValidator : AbstractValidator<string>
{
    public const int MinLength = 2;
    public const int MaxLength = 60;

    public NameValidator()
    {
        RuleFor(name => name)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("Problem_NameEmpty")
            .Length(MinLength, MaxLength).WithErrorCode("Problem_NameLength")
            .Matches(NamePattern()).WithErrorCode("Problem_NameCharacters")
            .OverridePropertyName("name");
    }

    [GeneratedRegex(@"^\p{L}[\p{L}\p{M} '’ʼ.\-]*$")]
    private static partial Regex NamePattern();
}
