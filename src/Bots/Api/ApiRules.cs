using FluentValidation;
using FluentValidation.Results;
using Hromada.Core.Communities;
using Hromada.Core.Spheres;

namespace Hromada.Bots.Api;

/// <summary>Validation rules the endpoint groups share, so a field means the same and fails the same everywhere.</summary>
internal static class ApiRules
{
    /// <summary>A community id from the directory; a missing one is left to NotEmpty or to the endpoint's default.</summary>
    public static IRuleBuilderOptions<T, string?> ExistingCommunity<T>(this IRuleBuilder<T, string?> rule, CommunityDirectory communities) =>
        rule.Must(id => id is null || communities.Find(id) is not null)
            .WithMessage("There is no such community; GET /api/v1/communities lists them.");

    public static IRuleBuilderOptions<T, string> ExistingSphere<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(Sphere.Exists).WithMessage("'{PropertyValue}' is not one of Hromada's spheres.");

    /// <summary>An ISO 8601 time with its offset (see <see cref="Api.IsoTime"/>); a missing one passes.</summary>
    public static IRuleBuilderOptions<T, string?> IsoTime<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || Api.IsoTime.Parse(text) is not null)
            .WithMessage($"{Api.IsoTime.Expected} is needed.");

    /// <summary>
    /// Runs one of Core's validators (the rules the dialogs apply) on the field and reports its failures
    /// under the field's name, keeping their text-key error codes, whose English text is the message.
    /// </summary>
    public static void Apply<TRequest, TValue>(this ValidationContext<TRequest> context, IValidator<TValue> rule, TValue value)
    {
        foreach (var failure in rule.Validate(value).Errors)
        {
            context.AddFailure(new ValidationFailure(context.PropertyPath, failure.ErrorMessage) { ErrorCode = failure.ErrorCode });
        }
    }
}
