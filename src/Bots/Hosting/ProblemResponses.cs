namespace Hromada.Bots.Hosting;

public static class ProblemResponses
{
    /// <summary>
    /// The one place exceptions become responses: a problem details body, and the client's fault
    /// answered as such. In Development, minimal APIs throw BadHttpRequestException for a query or
    /// body they cannot bind (a non-numeric "after"); that is a 400, as in Production, not a 500.
    /// </summary>
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
}
