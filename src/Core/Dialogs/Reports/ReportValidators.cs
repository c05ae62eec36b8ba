using FluentValidation;
using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.Reports;

/// <summary>What the problem is: long enough to act on, short enough for one message. Error codes are text keys.</summary>
public sealed class DescriptionValidator : AbstractValidator<string>
{
    public const int MinLength = 10;
    public const int MaxLength = 2000;

    public DescriptionValidator() =>
        RuleFor(description => description)
            .Length(MinLength, MaxLength).WithErrorCode("Problem_ReportDescriptionLength")
            .OverridePropertyName("description");
}

/// <summary>A typed address: enough to find the place. Error codes are text keys.</summary>
public sealed class AddressValidator : AbstractValidator<string>
{
    public const int MinLength = 5;
    public const int MaxLength = 300;

    public AddressValidator() =>
        RuleFor(address => address)
            .Length(MinLength, MaxLength).WithErrorCode("Problem_ReportAddressLength")
            .OverridePropertyName("address");
}

/// <summary>A shared point on the globe. Error codes are text keys.</summary>
public sealed class LocationValidator : AbstractValidator<GeoPoint>
{
    public LocationValidator()
    {
        RuleFor(point => point.Latitude).InclusiveBetween(-90, 90).WithErrorCode("Problem_ReportLocationInvalid");
        RuleFor(point => point.Longitude).InclusiveBetween(-180, 180).WithErrorCode("Problem_ReportLocationInvalid");
    }
}
