using Hromada.Bots.Api.Polls;
using Hromada.Core.Communities;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.Stats;

/// <summary>One community's figures, counted as /stats counts them (<see cref="ICommunityStatsStore"/>).</summary>
/// <param name="ResidentsTotal">Registered residents, blocked ones too; residents without a community count for the national level.</param>
/// <param name="Residents">Registered residents who are not blocked, per status (registered, responsible, localExpert, opinionLeader).</param>
/// <param name="Blocked">Registered residents who are blocked.</param>
public sealed record CommunityStats(string CommunityId, int ResidentsTotal, IReadOnlyDictionary<string, int> Residents, int Blocked, int OpenPolls);

/// <summary>The figures of every community the key reaches, and their sums.</summary>
public sealed record StatsResponse(int ResidentsTotal, int OpenPolls, IReadOnlyList<CommunityStats> Communities);

internal static class StatsEndpoints
{
    public static RouteGroupBuilder MapStats(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", GetAsync)
            .WithName("GetStats")
            .WithTags("Stats")
            .WithSummary("Registered residents by status and community, and open polls, for the key's communities.");
        return api;
    }

    private static async Task<Ok<StatsResponse>> GetAsync(
        ApiCaller caller,
        ICommunityStatsStore stats,
        CommunityDirectory communities,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var communityIds = caller.CommunityIds(communities);
        var figures = await stats.CountAsync(communityIds, time.GetUtcNow(), cancellationToken);
        var rows = communityIds
            .Select(figures.Of)
            .Select(community => new CommunityStats(
                community.CommunityId,
                community.Residents,
                Enum.GetValues<ResidentStatus>().ToDictionary(EnumName.Of, status => community.ResidentsByStatus.GetValueOrDefault(status)),
                community.Blocked,
                community.OpenPolls))
            .ToList();
        return TypedResults.Ok(new StatsResponse(rows.Sum(row => row.ResidentsTotal), rows.Sum(row => row.OpenPolls), rows));
    }
}
