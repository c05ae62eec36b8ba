using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>The figures /stats shows a moderator for the communities they moderate.</summary>
/// <param name="ResidentsByStatus">Registered residents who are not blocked, by status.</param>
/// <param name="ResidentsByCommunity">Registered residents (blocked ones too), by community id.</param>
/// <param name="OpenPolls">Polls open now.</param>
/// <param name="ClosedPolls">Polls closed (by hand, or because their closing time passed).</param>
/// <param name="Ballots">Answers given to the communities' polls.</param>
/// <param name="ProposalsWaiting">Proposals waiting for moderation, without those of blocked residents.</param>
public sealed record CommunityStats(
    IReadOnlyDictionary<ResidentStatus, int> ResidentsByStatus,
    IReadOnlyDictionary<string, int> ResidentsByCommunity,
    int Blocked,
    int OpenPolls,
    int ClosedPolls,
    int Ballots,
    int ProposalsWaiting);

public interface ICommunityStatsStore
{
    /// <summary>Counts for the given communities (a resident without a community counts for the national level), or all when null.</summary>
    Task<CommunityStats> CountAsync(IReadOnlyCollection<string>? communityIds, DateTimeOffset now, CancellationToken cancellationToken);
}
