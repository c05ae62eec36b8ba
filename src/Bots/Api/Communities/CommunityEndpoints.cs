using Hromada.Core.Communities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.Communities;

/// <summary>A community (громада), or the national level.</summary>
public sealed record CommunityResponse(
    string Id, string NameUk, string NameEn, string? OblastUk, string? OblastEn, string? Katotth, bool IsNational)
{
    public static CommunityResponse From(Community community) => new(
        community.Id, community.NameUk, community.NameEn, community.OblastUk, community.OblastEn, community.Katotth, community.IsNational);
}

internal static class CommunityEndpoints
{
    /// <summary>GET /communities: every community, whatever the key reaches; their ids are what the other endpoints take.</summary>
    public static RouteGroupBuilder MapCommunities(this RouteGroupBuilder api)
    {
        api.MapGet("/communities", List)
            .WithName("ListCommunities")
            .WithTags("Communities")
            .WithSummary("Every community and the national level, with the ids the other endpoints take.");
        return api;
    }

    private static Ok<List<CommunityResponse>> List(CommunityDirectory communities) =>
        TypedResults.Ok(communities.All.Select(CommunityResponse.From).ToList());
}
