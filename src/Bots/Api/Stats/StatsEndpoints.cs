using Hromada.Bots.Api.Polls;
using Hromada.Core.Communities;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Api.Stats;

/// <summary>One community's figures.</summary>
/// <param name="Residents">Registered residents per status (registered, responsible, localExpert, opinionLeader).</param>
public sealed record CommunityStats(string CommunityId, int ResidentsTotal, IReadOnlyDictionary<string, int> Residents, int OpenPolls);

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
        IResidentStore residents,
        IPollStore polls,
        CommunityDirectory communities,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var communityIds = caller.CommunityIds(communities);
        var counts = (await residents.CountRegisteredAsync(cancellationToken))
            .Where(count => count.CommunityId is not null && caller.Covers(count.CommunityId))
            .ToLookup(count => count.CommunityId!);
        var open = (await polls.ListOpenAsync(communityIds, time.GetUtcNow(), cancellationToken))
            .CountBy(poll => poll.CommunityId)
            .ToDictionary();
        var rows = communityIds
            .Select(id => new CommunityStats(
                id,
                counts[id].Sum(count => count.Count),
                Enum.GetValues<ResidentStatus>().ToDictionary(EnumName.Of, status => counts[id].Where(count => count.Status == status).Sum(count => count.Count)),
                open.GetValueOrDefault(id)))
            .ToList();
        return TypedResults.Ok(new StatsResponse(rows.Sum(row => row.ResidentsTotal), rows.Sum(row => row.OpenPolls), rows));
    }
}
