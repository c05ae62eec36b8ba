using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>
/// One community's figures, counted one way for every surface that shows them (/stats and
/// GET /api/v1/stats), so a moderator and an API client never read two different numbers.
/// </summary>
/// <param name="CommunityId">The community; residents without one count for the national level.</param>
/// <param name="ResidentsByStatus">Registered residents who are not blocked, by status.</param>
/// <param name="Blocked">Registered residents who are blocked, whatever their status.</param>
/// <param name="OpenPolls">Polls residents may answer now (see <see cref="Polls.Poll.IsOpenAt"/>).</param>
/// <param name="ClosedPolls">Polls closed (by hand, or because their closing time passed).</param>
/// <param name="Ballots">Answers given to the community's polls.</param>
/// <param name="ProposalsWaiting">Proposals waiting for moderation, without those of blocked residents.</param>
public sealed record CommunityFigures(
    string CommunityId,
    IReadOnlyDictionary<ResidentStatus, int> ResidentsByStatus,
    int Blocked,
    int OpenPolls,
    int ClosedPolls,
    int Ballots,
    int ProposalsWaiting)
{
    /// <summary>Every registered resident of the community, blocked ones too.</summary>
    public int Residents => ResidentsByStatus.Values.Sum() + Blocked;

    /// <summary>The figures of a community nothing was counted for.</summary>
    public static CommunityFigures None(string communityId) => new(communityId, new Dictionary<ResidentStatus, int>(), 0, 0, 0, 0, 0);
}

/// <summary>The figures of the communities asked for, each on its own, and their sums.</summary>
public sealed class CommunityStats(IEnumerable<CommunityFigures> communities)
{
    private readonly Dictionary<string, CommunityFigures> _byId = communities.ToDictionary(figures => figures.CommunityId);

    /// <summary>The communities something was counted for.</summary>
    public IReadOnlyCollection<CommunityFigures> Communities => _byId.Values;

    public int Residents => _byId.Values.Sum(figures => figures.Residents);

    public int Blocked => _byId.Values.Sum(figures => figures.Blocked);

    public int OpenPolls => _byId.Values.Sum(figures => figures.OpenPolls);

    public int ClosedPolls => _byId.Values.Sum(figures => figures.ClosedPolls);

    public int Ballots => _byId.Values.Sum(figures => figures.Ballots);

    public int ProposalsWaiting => _byId.Values.Sum(figures => figures.ProposalsWaiting);

    /// <summary>One community's figures, all zero when nothing was counted for it.</summary>
    public CommunityFigures Of(string communityId) => _byId.GetValueOrDefault(communityId) ?? CommunityFigures.None(communityId);

    /// <summary>Registered residents who are not blocked and hold <paramref name="status"/>, in all the communities.</summary>
    public int InStatus(ResidentStatus status) => _byId.Values.Sum(figures => figures.ResidentsByStatus.GetValueOrDefault(status));
}

/// <summary>The one way residents, polls, answers and proposals are counted for moderators and the API.</summary>
public interface ICommunityStatsStore
{
    /// <summary>
    /// Counts for the given communities (a resident without a community counts for the national
    /// level), or for all when null; communities with nothing to count may be left out.
    /// </summary>
    Task<CommunityStats> CountAsync(IReadOnlyCollection<string>? communityIds, DateTimeOffset now, CancellationToken cancellationToken);
}
