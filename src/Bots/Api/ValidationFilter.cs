using FluentValidation;

namespace Hromada.Bots.Api;

/// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its FluentValidation validator before the handler runs.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().Single();
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : ApiProblems.Validation(result);
    }
}

internal static class ValidationFilterExtensions
{
    /// <summary>Answers a request whose <typeparamref name="T"/> fails validation with a 400 validation problem.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
