using FluentValidation;
using FluentValidation.Results;

namespace Hromada.Bots.Api;

/// <summary>The bot's own rules (Core's validators) applied to a request, so the API never states a rule twice.</summary>
internal static class CoreRule
{
    /// <summary>Reports <paramref name="rule"/>'s failures under the request's property, keeping their text-key error codes.</summary>
    public static void Apply<TRequest, TValue>(IValidator<TValue> rule, TValue value, ValidationContext<TRequest> context)
    {
        foreach (var failure in rule.Validate(value).Errors)
        {
            context.AddFailure(new ValidationFailure(context.PropertyPath, failure.ErrorMessage) { ErrorCode = failure.ErrorCode });
        }
    }
}
