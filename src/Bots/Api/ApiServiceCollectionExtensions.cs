using FluentValidation;
using Hromada.Bots.Api.Broadcasts;
using Hromada.Bots.Api.Communities;
using Hromada.Bots.Api.Events;
using Hromada.Bots.Api.Ideas;
using Hromada.Bots.Api.PollProposals;
using Hromada.Bots.Api.Polls;
using Hromada.Bots.Api.Reports;
using Hromada.Bots.Api.Stats;
using Microsoft.AspNetCore.Authentication;

namespace Hromada.Bots.Api;

/// <summary>
/// The HTTP API for integrations under /api/v1, its API-key authentication and its OpenAPI document
/// at /openapi/v1.json. An endpoint group is a folder under Api/ with a <c>Map…</c> extension on the
/// route group, one line in <see cref="MapHromadaApi"/>, and its validators registered here.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    public const string BasePath = "/api/v1";

    public static IServiceCollection AddHromadaApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<BearerSecurityScheme>();
        });

        services.AddSingleton<IValidator<PollListQuery>, PollListQueryValidator>();
        services.AddSingleton<IValidator<CreatePollRequest>, CreatePollRequestValidator>();
        services.AddSingleton<IValidator<EventListQuery>, EventListQueryValidator>();
        services.AddSingleton<IValidator<CreateEventRequest>, CreateEventRequestValidator>();
        services.AddSingleton<IValidator<BroadcastListQuery>, BroadcastListQueryValidator>();
        services.AddSingleton<IValidator<CreateBroadcastRequest>, CreateBroadcastRequestValidator>();
        services.AddSingleton<IValidator<IdeaListQuery>, IdeaListQueryValidator>();
        services.AddSingleton<IValidator<IdeaStatusRequest>, IdeaStatusRequestValidator>();
        services.AddSingleton<IValidator<ProposalListQuery>, ProposalListQueryValidator>();
        services.AddSingleton<IValidator<ApproveProposalRequest>, ApproveProposalRequestValidator>();
        services.AddSingleton<IValidator<RejectProposalRequest>, RejectProposalRequestValidator>();
        services.AddSingleton<IValidator<ReportListQuery>, ReportListQueryValidator>();
        services.AddSingleton<IValidator<ReportStatusRequest>, ReportStatusRequestValidator>();
        services.AddSingleton<IValidator<ReportReplyRequest>, ReportReplyRequestValidator>();
        return services;
    }

    /// <summary>
    /// The endpoint groups, each behind the API-key policy, and the OpenAPI document; under /api, an
    /// answer without a body (an unknown path's 404, a 405) gets problem details too.
    /// </summary>
    public static WebApplication MapHromadaApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(BasePath), api => api.UseStatusCodePages());
        app.MapOpenApi();
        var api = app.MapGroup(BasePath)
            .RequireAuthorization(ApiKeyAuthenticationHandler.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapCommunities();
        api.MapPolls();
        api.MapStats();
        api.MapEvents();
        api.MapBroadcasts();
        api.MapIdeas();
        api.MapPollProposals();
        api.MapReports();
        return app;
    }
}
