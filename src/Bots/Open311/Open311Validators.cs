using FluentValidation;
using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Reports;
using Hromada.Core.Localization;

namespace Hromada.Bots.Open311;

/// <summary>
/// The rules every Open311 call shares. A failure's error code is the HTTP status it is answered with:
/// 404 for a jurisdiction that is not one of ours (as GeoReport v2 has it), 400 for everything else.
/// </summary>
internal static class Open311Rules
{
    public const string NotFound = "404";

    public static IRuleBuilderOptions<T, string?> KnownJurisdiction<T>(this IRuleBuilder<T, string?> rule, CommunityDirectory communities) =>
        rule.Must(id => id is null || communities.Find(id) is not null)
            .WithErrorCode(NotFound)
            .WithMessage("jurisdiction_id '{PropertyValue}' is unknown; it is a community id, as GET /api/v1/communities lists them.");

    public static IRuleBuilderOptions<T, string?> KnownServiceCodes<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(list => Open311Values.Parts(list).All(code => ServiceCodes.Parse(code) is not null))
            .WithMessage($"service_code '{{PropertyValue}}' is unknown; the services are {ServiceCodes.List}.");

    public static IRuleBuilderOptions<T, string?> W3cDateTime<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(text => Open311Values.Given(text) is null || W3cDate.Parse(text) is not null)
            .WithMessage($"{name} '{{PropertyValue}}' is not a W3C date-time with its zone, such as {W3cDate.Example} or 2026-11-23T09:00:00Z.");
}

internal sealed class JurisdictionQueryValidator : AbstractValidator<JurisdictionQuery>
{
    public JurisdictionQueryValidator(CommunityDirectory communities) =>
        RuleFor(query => query.Jurisdiction).KnownJurisdiction(communities).OverridePropertyName("jurisdiction_id");
}

internal sealed class RequestListQueryValidator : AbstractValidator<RequestListQuery>
{
    public RequestListQueryValidator(CommunityDirectory communities)
    {
        RuleFor(query => query.Jurisdiction).KnownJurisdiction(communities).OverridePropertyName("jurisdiction_id");
        RuleFor(query => query.ServiceRequestId)
            .Must(list => Open311Values.Parts(list).All(id => ServiceRequestIds.Parse(id) is not null))
            .WithMessage("service_request_id '{PropertyValue}' is not a list of request numbers, such as 41,42.")
            .Must(list => Open311Values.Parts(list).Length <= RequestListQuery.MaxIds)
            .WithMessage($"service_request_id may list at most {RequestListQuery.MaxIds} requests.");
        RuleFor(query => query.ServiceCode).KnownServiceCodes();
        RuleFor(query => query.StartDate).W3cDateTime("start_date");
        RuleFor(query => query.EndDate).W3cDateTime("end_date");
        When(query => W3cDate.Parse(query.StartDate) is not null && W3cDate.Parse(query.EndDate) is not null, () =>
            RuleFor(query => W3cDate.Parse(query.EndDate)!.Value - W3cDate.Parse(query.StartDate)!.Value)
                .GreaterThanOrEqualTo(TimeSpan.Zero).WithMessage("end_date comes before start_date.")
                .LessThanOrEqualTo(RequestListQuery.MaxSpan).WithMessage("start_date and end_date may span at most 90 days.")
                .OverridePropertyName("end_date"));
        RuleFor(query => query.Status)
            .Must(list => Open311Values.Parts(list).All(status => Open311Statuses.Parse(status) is not null))
            .WithMessage($"status '{{PropertyValue}}' is not {Open311Statuses.Open}, {Open311Statuses.Closed} or both, comma separated.");
    }
}

/// <summary>
/// A request to file: a known service, a place (lat and long, or an address, or both) and a description,
/// by the same length rules as /report (Core's validators, whose error codes are text keys).
/// </summary>
internal sealed class CreateRequestFormValidator : AbstractValidator<CreateRequestForm>
{
    public const int MaxMediaUrlLength = 2000;
    private static readonly DescriptionValidator DescriptionRule = new();
    private static readonly AddressValidator AddressRule = new();

    public CreateRequestFormValidator(CommunityDirectory communities)
    {
        RuleFor(form => form.Jurisdiction).KnownJurisdiction(communities).OverridePropertyName("jurisdiction_id");
        RuleFor(form => form.ServiceCode).NotNull().WithMessage("service_code is required; GET services.json lists them.").KnownServiceCodes();

        RuleFor(form => form)
            .Must(form => form.LatitudeText is not null || form.LongitudeText is not null || form.AddressString is not null)
            .WithMessage(form => form.AddressId is null
                ? "Where is it? Send lat and long, or address_string."
                : "address_id is not supported; send lat and long, or address_string.")
            .OverridePropertyName("lat");
        When(form => form.LatitudeText is not null || form.LongitudeText is not null, () =>
        {
            RuleFor(form => form.Latitude).Must(latitude => latitude is >= -90 and <= 90)
                .WithMessage("lat must be a number from -90 to 90 (WGS84), sent together with long.");
            RuleFor(form => form.Longitude).Must(longitude => longitude is >= -180 and <= 180)
                .WithMessage("long must be a number from -180 to 180 (WGS84), sent together with lat.");
        });
        RuleFor(form => form.AddressString).Custom((address, context) =>
        {
            if (address is not null)
            {
                Apply(AddressRule, address, "address_string", context);
            }
        });

        RuleFor(form => form.Description).Custom((description, context) =>
            Apply(DescriptionRule, description ?? "", "description", context));

        RuleFor(form => form.MediaUrl)
            .Must(url => url!.Length <= MaxMediaUrlLength
                && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(form => form.MediaUrl is not null)
            .WithMessage($"media_url must be an http or https URL of at most {MaxMediaUrlLength} characters.");
    }

    /// <summary>A Core validator's failures under the form's field name, in the English of their text keys.</summary>
    private static void Apply(IValidator<string> rule, string value, string field, ValidationContext<CreateRequestForm> context)
    {
        foreach (var failure in rule.Validate(value).Errors)
        {
            context.AddFailure(field, $"{field}: {Texts.Get(Language.En, failure.ErrorCode)}");
        }
    }
}
