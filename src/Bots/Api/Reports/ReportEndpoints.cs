using Hromada.Bots.Api.Polls;
using Hromada.Core.ApiKeys;
using Hromada.Core.Moderation;
using Hromada.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.Reports;

/// <summary>
/// Problem reports for integrations (a city's dispatch service): list, read, set the status, answer.
/// Each step is <see cref="ReportDecisions"/>' (the same as /issues): checked against the key's
/// communities, stored only from the status it was read in, told to the reporter and those who joined
/// exactly as from /issues, and audited as "api:&lt;key id&gt;". No answer names a resident (see <see cref="ReportResponse"/>).
/// </summary>
internal static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/", ListAsync)
            .Validate<ReportListQuery>()
            .WithName("ListReports")
            .WithSummary("Reports of the key's communities (or of one), newest first, by status, category and filing time.");
        reports.MapGet("/{number:long}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetReport")
            .WithSummary("One report with its status history and replies; the reporter only as an id, and not even that when anonymous.");
        reports.MapPost("/{number:long}/status", MoveAsync)
            .Validate<ReportStatusRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetReportStatus")
            .WithSummary("Acknowledges, starts, resolves or rejects (with a reason) a report; the reporter and those who joined are told.");
        reports.MapPost("/{number:long}/replies", ReplyAsync)
            .Validate<ReportReplyRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ReplyToReport")
            .WithSummary("Answers the reporter and those who joined, in any status.");
        return reports;
    }

    private static async Task<Results<Ok<ReportPageResponse>, ForbidHttpResult>> ListAsync(
        [AsParameters] ReportListQuery query, ApiCaller caller, IReportStore reports, CancellationToken cancellationToken)
    {
        if (query.Community is { } community && !caller.Covers(community))
        {
            return TypedResults.Forbid();
        }

        var (offset, limit) = Paging.Of(query);
        var filter = new ReportFilter(
            query.Community ?? (caller.Scope == ApiKey.AllCommunities ? null : caller.Scope),
            query.ParsedStatus is { } status ? [status] : null,
            query.ParsedCategory is { } category ? [category] : null,
            query.Since,
            query.Until,
            limit,
            offset);
        var page = await reports.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new ReportPageResponse([.. page.Select(ReportResponse.From)], offset, limit));
    }

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ForbidHttpResult>> GetAsync(
        long number, ApiCaller caller, ReportDecisions decisions, CancellationToken cancellationToken) =>
        await ModerationAnswer.FoundAsync(
            await decisions.FindAsync(caller.AsModerator(), number, cancellationToken), "report", Id(number), RespondAsync);

    /// <summary>
    /// A status the report cannot take now — it is resolved or rejected, the step goes back or repeats,
    /// or another moderator moved it first — is a 409 that says where the report stands.
    /// </summary>
    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> MoveAsync(
        long number, ReportStatusRequest request, ApiCaller caller, ReportDecisions decisions, CancellationToken cancellationToken)
    {
        var action = request.Action;
        var result = await decisions.ActAsync(
            caller.AsModerator(), number, action, action == ReportAction.Reject ? request.Reason : request.Note, cancellationToken);
        return await ModerationAnswer.DoneAsync(
            result, "report", Id(number), RespondAsync, WhyNot, action == ReportAction.Reject ? "reason" : "note");
    }

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> ReplyAsync(
        long number, ReportReplyRequest request, ApiCaller caller, ReportDecisions decisions, CancellationToken cancellationToken) =>
        await ModerationAnswer.DoneAsync(
            await decisions.ActAsync(caller.AsModerator(), number, ReportAction.Reply, request.Text, cancellationToken),
            "report", Id(number), RespondAsync, WhyNot, "text");

    private static Task<ReportResponse> RespondAsync(ProblemReport report) => Task.FromResult(ReportResponse.From(report));

    private static string WhyNot(ProblemReport report)
    {
        var status = EnumName.Of(report.Status);
        return report.IsOpen
            ? $"Report {Id(report.Number)} is {status}; it can move on to {EnumName.List(ReportResponse.NextStatusesOf(report))} only."
            : $"Report {Id(report.Number)} is {status}, which is final.";
    }

    private static string Id(long number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
