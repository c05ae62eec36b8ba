using FluentValidation.Results;
using Hromada.Core.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api;

/// <summary>
/// The one place API failures become RFC 7807 problem details: validation errors (400, with the
/// fields named), unknown ids (404), conflicts (409), unreadable requests (400, through
/// <see cref="ApiExceptionHandler"/>) and, through AddProblemDetails, everything unexpected (500).
/// 401 and 403 come from <see cref="ApiKeyAuthenticationHandler"/>.
/// </summary>
internal static class ApiProblems
{
    /// <summary>
    /// Field names in camelCase, as the JSON has them. Core's validators give text keys as error
    /// codes: their English text is the message.
    /// </summary>
    public static ValidationProblem Validation(ValidationResult result) =>
        TypedResults.ValidationProblem(
            result.Errors
                .GroupBy(error => FieldName(error.PropertyName))
                .ToDictionary(group => group.Key, group => group.Select(Message).Distinct().ToArray()),
            title: "The request is not valid.");

    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"There is no {what} with the id '{id}'.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in the current state.", detail: detail);

    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static string Message(ValidationFailure error) =>
        error.ErrorCode.StartsWith("Problem_", StringComparison.Ordinal) ? Texts.Get(Language.En, error.ErrorCode) : error.ErrorMessage;
}

/// <summary>A body that is not valid JSON, or a parameter of the wrong type, is the caller's mistake: 400, not 500.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "The request could not be read.", Detail = badRequest.Message },
        });
    }
}
