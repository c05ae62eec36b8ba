using Hromada.Core.Communities;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Persistence.Documents;

/// <summary>Registered residents of one community, status and blocked-or-not, counted.</summary>
internal sealed record ResidentCountRow(string? CommunityId, string Status, bool Blocked, int Count);

/// <summary>What the figures need of a poll.</summary>
internal sealed record PollRow(string Id, string CommunityId, string Status, DateTime? OpensAt, DateTime? ClosesAt, string? AuthorResidentId);

/// <summary>Turns what each provider read into the figures, the same way for both.</summary>
internal static class StatsRows
{
    public static string CommunityOf(string? communityId) => communityId ?? Community.NationalId;

    /// <summary>As <see cref="Poll.IsOpenAt"/>: open, its closing time not passed, its opening time reached.</summary>
    public static bool IsOpen(PollRow poll, DateTimeOffset now) =>
        poll.Status == nameof(PollStatus.Open)
        && (poll.ClosesAt is null || DocumentFormat.FromStored(poll.ClosesAt.Value) > now)
        && (poll.OpensAt is null || DocumentFormat.FromStored(poll.OpensAt.Value) <= now);

    /// <summary>As <see cref="Poll.StatusAt"/>: closed by hand, or open past its closing time.</summary>
    public static bool IsClosed(PollRow poll, DateTimeOffset now) =>
        poll.Status == nameof(PollStatus.Closed)
        || (poll.Status == nameof(PollStatus.Open) && poll.ClosesAt is { } closesAt && DocumentFormat.FromStored(closesAt) <= now);

    public static bool IsProposal(PollRow poll) => poll.Status == nameof(PollStatus.Proposed);

    /// <param name="ballots">Answers per poll id, for the polls that are not proposals.</param>
    /// <param name="blockedAuthors">The authors of <paramref name="polls"/>' proposals who are blocked.</param>
    public static CommunityStats Build(
        IEnumerable<ResidentCountRow> residents,
        IReadOnlyList<PollRow> polls,
        DateTimeOffset now,
        IReadOnlyDictionary<string, int> ballots,
        IReadOnlySet<string> blockedAuthors)
    {
        var residentsOf = residents.ToLookup(count => CommunityOf(count.CommunityId));
        var pollsOf = polls.ToLookup(poll => poll.CommunityId);
        return new CommunityStats(residentsOf.Select(group => group.Key).Union(pollsOf.Select(group => group.Key)).Select(community =>
        {
            var counts = residentsOf[community].ToList();
            var its = pollsOf[community].ToList();
            return new CommunityFigures(
                community,
                counts.Where(count => !count.Blocked)
                    .GroupBy(count => Enum.Parse<ResidentStatus>(count.Status))
                    .ToDictionary(group => group.Key, group => group.Sum(count => count.Count)),
                counts.Where(count => count.Blocked).Sum(count => count.Count),
                its.Count(poll => IsOpen(poll, now)),
                its.Count(poll => IsClosed(poll, now)),
                its.Sum(poll => ballots.GetValueOrDefault(poll.Id)),
                its.Count(poll => IsProposal(poll) && !(poll.AuthorResidentId is { } author && blockedAuthors.Contains(author))));
        }));
    }
}
