using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Hromada.Bots.Open311;

/// <summary>
/// The one place Open311 failures take GeoReport v2's shape: an array of {code, description} with the
/// HTTP status as code, instead of the problem details of /api/v1 (Open311 clients read this array).
/// </summary>
internal static class Open311Errors
{
    public static JsonHttpResult<Open311Error[]> Of(int status, string description) =>
        TypedResults.Json<Open311Error[]>([new Open311Error(status, description)], statusCode: status);

    /// <summary>Every failure, each with its own code; the answer's status is the first failure's (rules put the jurisdiction first).</summary>
    public static JsonHttpResult<Open311Error[]> From(ValidationResult result)
    {
        Open311Error[] errors = [.. result.Errors.Select(error => new Open311Error(CodeOf(error), error.ErrorMessage)).Distinct()];
        return TypedResults.Json(errors, statusCode: errors[0].Code);
    }

    /// <summary>For answers without a body under /open311 (an unknown path's 404, a 405): the same array.</summary>
    public static Task WriteStatusAsync(StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        var error = new Open311Error(response.StatusCode, ReasonPhrases.GetReasonPhrase(response.StatusCode));
        return response.WriteAsJsonAsync(new[] { error }, context.HttpContext.RequestAborted);
    }

    private static int CodeOf(ValidationFailure error) =>
        int.TryParse(error.ErrorCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : StatusCodes.Status400BadRequest;
}

/// <summary>Validates the endpoint's <typeparamref name="T"/> argument and answers a failure with the error array.</summary>
internal sealed class Open311ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().Single();
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : Open311Errors.From(result);
    }
}
