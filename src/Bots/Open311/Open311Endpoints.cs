using FluentValidation;
using Hromada.Bots.Api;
using Hromada.Core.ApiKeys;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Open311;

/// <summary>
/// GeoReport v2 in JSON: the services (report categories), the requests (reports) and filing one.
/// Reading is public, as GeoReport feeds are (a city's dispatch desk, a map, a journalist may read
/// them) and as the requests never carry who reported them; filing needs an API key, whose community is
/// where the report lands.
/// </summary>
internal static class Open311Endpoints
{
    private const string Bearer = "Bearer ";

    public static RouteGroupBuilder MapOpen311Endpoints(this RouteGroupBuilder open311)
    {
        open311.MapGet("/services.json", ListServices)
            .AddEndpointFilter<Open311ValidationFilter<JurisdictionQuery>>();
        open311.MapGet("/requests.json", ListRequestsAsync)
            .AddEndpointFilter<Open311ValidationFilter<RequestListQuery>>();
        open311.MapGet("/requests/{id}.json", GetRequestAsync)
            .AddEndpointFilter<Open311ValidationFilter<JurisdictionQuery>>();
        open311.MapPost("/requests.json", CreateRequestAsync);
        return open311;
    }

    /// <summary>The same services in every jurisdiction: the report categories.</summary>
    private static Ok<Open311Service[]> ListServices([AsParameters] JurisdictionQuery query, HttpRequest request)
    {
        var language = LanguageOf(request, query.Locale);
        return TypedResults.Ok<Open311Service[]>([.. Enum.GetValues<ReportCategory>().Select(category => Open311Service.From(category, language))]);
    }

    private static async Task<Ok<Open311ServiceRequest[]>> ListRequestsAsync(
        [AsParameters] RequestListQuery query,
        HttpRequest request,
        IReportStore reports,
        CommunityDirectory communities,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<ProblemReport> found;
        if (query.Numbers is { } numbers)
        {
            var listed = new List<ProblemReport>();
            foreach (var number in numbers)
            {
                if (await FindAsync(reports, number, query.Jurisdiction, cancellationToken) is { } report)
                {
                    listed.Add(report);
                }
            }

            found = listed;
        }
        else
        {
            found = await reports.ListAsync(query.Filter(time.GetUtcNow()), cancellationToken);
        }

        var language = LanguageOf(request, query.Locale);
        return TypedResults.Ok<Open311ServiceRequest[]>([.. found.Select(report => Open311ServiceRequest.From(report, language, communities))]);
    }

    /// <summary>One request, as an array of one (GeoReport v2 answers every request query with an array).</summary>
    private static async Task<Results<Ok<Open311ServiceRequest[]>, JsonHttpResult<Open311Error[]>>> GetRequestAsync(
        string id,
        [AsParameters] JurisdictionQuery query,
        HttpRequest request,
        IReportStore reports,
        CommunityDirectory communities,
        CancellationToken cancellationToken)
    {
        var report = ServiceRequestIds.Parse(id) is { } number ? await FindAsync(reports, number, query.Jurisdiction, cancellationToken) : null;
        return report is null
            ? Open311Errors.Of(StatusCodes.Status404NotFound, $"There is no service request '{id}'{(query.Jurisdiction is { } j ? $" in {j}" : "")}.")
            : TypedResults.Ok<Open311ServiceRequest[]>([Open311ServiceRequest.From(report, LanguageOf(request, query.Locale), communities)]);
    }

    /// <summary>
    /// Files a report for a dispatch system. The key comes as Authorization: Bearer or as the form's
    /// api_key; its community is where the report lands (a key for all communities names one with
    /// jurisdiction_id). No resident stands behind the report: its reporter is "open311:&lt;key id&gt;"
    /// (<see cref="ProblemReport.Open311Reporter"/>), it is anonymous to the public, and moderators
    /// handle it in /issues like any other.
    /// </summary>
    private static async Task<Results<Created<Open311Created[]>, JsonHttpResult<Open311Error[]>>> CreateRequestAsync(
        HttpRequest request,
        ApiKeyRegistry keys,
        IValidator<CreateRequestForm> validator,
        IReportStore reports,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (form, unreadable) = await ReadFormAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if ((BearerKey(request) ?? form?.ApiKey) is not { } presented)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Open311Errors.Of(StatusCodes.Status401Unauthorized, "An API key is needed: send the form field api_key or the header Authorization: Bearer <key>.");
        }

        if (await keys.AuthenticateAsync(presented, cancellationToken) is not { } key)
        {
            return Open311Errors.Of(StatusCodes.Status403Forbidden, "The api_key is unknown or revoked.");
        }

        if (form is null)
        {
            return Open311Errors.Of(StatusCodes.Status400BadRequest, "Send the request form-encoded (application/x-www-form-urlencoded), as GeoReport v2 has it.");
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Open311Errors.From(validation);
        }

        var caller = new ApiCaller(key.Id, key.CommunityId);
        var communityId = form.Jurisdiction ?? (key.CommunityId == ApiKey.AllCommunities ? null : key.CommunityId);
        if (communityId is null)
        {
            return Open311Errors.Of(StatusCodes.Status400BadRequest, "jurisdiction_id is required with a key for all communities.");
        }

        if (!caller.Covers(communityId))
        {
            return Open311Errors.Of(StatusCodes.Status403Forbidden, $"This api_key does not reach the jurisdiction {communityId}.");
        }

        var report = await reports.AddAsync(
            ProblemReport.File(
                new ProblemReport
                {
                    Id = Guid.NewGuid().ToString("N"),
                    CommunityId = communityId,
                    Category = ServiceCodes.Parse(form.ServiceCode)!.Value,
                    Description = form.Description!,
                    PhotoIds = form.MediaUrl is { } url ? [url] : [],
                    Location = form.Latitude is { } latitude && form.Longitude is { } longitude ? new GeoPoint(latitude, longitude) : null,
                    Address = form.AddressString,
                    AnonymousToPublic = true,
                    ReporterId = ProblemReport.Open311Reporter(key.Id),
                },
                time.GetUtcNow()),
            cancellationToken);
        var logger = loggers.CreateLogger(typeof(Open311Endpoints));
        Open311Log.RequestFiled(logger, report.Number, report.CommunityId, report.Category, key.Id);

        var id = ServiceRequestIds.Of(report);
        var notice = Texts.Get(LanguageOf(request, form.Locale), "Open311_Filed", report.Number);
        return TypedResults.Created($"{Open311ServiceCollectionExtensions.BasePath}/requests/{id}.json", new[] { new Open311Created(id, notice, AccountId: null) });
    }

    /// <summary>
    /// The form, or null for a body that is not a form (answered once the key is checked); a form past
    /// the server's limits (too many fields, too long a value or body) is the caller's mistake, not a 500.
    /// </summary>
    private static async Task<(CreateRequestForm? Form, JsonHttpResult<Open311Error[]>? Unreadable)> ReadFormAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, null);
        }

        try
        {
            return (CreateRequestForm.From(await request.ReadFormAsync(cancellationToken)), null);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
        {
            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            return (null, Open311Errors.Of(status, $"The form could not be read: {exception.Message}"));
        }
    }

    /// <summary>The report, when it exists and lies in the jurisdiction asked for (any, when none was).</summary>
    private static async Task<ProblemReport?> FindAsync(IReportStore reports, long number, string? jurisdiction, CancellationToken cancellationToken) =>
        await reports.GetAsync(number, cancellationToken) is { } report && (jurisdiction is null || report.CommunityId == jurisdiction) ? report : null;

    private static string? BearerKey(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            ? Open311Values.Given(header[Bearer.Length..])
            : null;

    /// <summary>English when ?locale (or the form's locale) says so, else when Accept-Language prefers English to Ukrainian; Ukrainian otherwise.</summary>
    private static Language LanguageOf(HttpRequest request, string? locale) =>
        Languages.FromPlatformCode(locale ?? request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value)
            .FirstOrDefault(tag => tag is not null
                && (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("uk", StringComparison.OrdinalIgnoreCase))));
}
