using System.Globalization;
using FluentValidation;

namespace Hromada.Core.Dialogs.Profile;

/// <summary>
/// A birth year as typed: four digits, from <see cref="Earliest"/> to <see cref="YoungestAge"/> years
/// before the current year (Hromada is for people of 14 and over). Error codes are text keys.
/// </summary>
public sealed class BirthYearValidator : AbstractValidator<string>
{
    public const int Earliest = 1900;
    public const int YoungestAge = 14;

    public BirthYearValidator(int currentYear)
    {
        RuleFor(text => text)
            .Cascade(CascadeMode.Stop)
            .Must(text => Parse(text) is not null).WithErrorCode("Problem_BirthYearNotNumber")
            .Must(text => Parse(text) is >= Earliest and var year && year <= currentYear - YoungestAge).WithErrorCode("Problem_BirthYearRange")
            .OverridePropertyName("birthYear");
    }

    /// <summary>The year in the text, or null when it is not a whole number.</summary>
    public static int? Parse(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
}
