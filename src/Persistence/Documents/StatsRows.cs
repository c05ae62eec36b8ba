using Hromada.Core.Communities;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Persistence.Documents;

/// <summary>Registered residents of one community, status and blocked-or-not, counted.</summary>
internal sealed record ResidentCountRow(string? CommunityId, string Status, bool Blocked, int Count);

/// <summary>What /stats needs of a poll.</summary>
internal sealed record PollRow(string Id, string Status, DateTime? ClosesAt, string? AuthorResidentId);

/// <summary>Turns what each provider read into the figures, the same way for both.</summary>
internal static class StatsRows
{
    public static string CommunityOf(string? communityId) => communityId ?? Community.NationalId;

    public static bool IsOpen(PollRow poll, DateTimeOffset now) =>
        poll.Status == nameof(PollStatus.Open) && (poll.ClosesAt is null || DocumentFormat.FromStored(poll.ClosesAt.Value) > now);

    public static bool IsClosed(PollRow poll, DateTimeOffset now) =>
        poll.Status == nameof(PollStatus.Closed) || (poll.Status == nameof(PollStatus.Open) && !IsOpen(poll, now));

    public static bool IsProposal(PollRow poll) => poll.Status == nameof(PollStatus.Proposed);

    /// <param name="blockedAuthors">The authors of <paramref name="polls"/>' proposals who are blocked.</param>
    public static CommunityStats Build(
        IEnumerable<ResidentCountRow> residents, IReadOnlyList<PollRow> polls, DateTimeOffset now, int ballots, IReadOnlySet<string> blockedAuthors)
    {
        var counts = residents.ToList();
        return new CommunityStats(
            counts.Where(count => !count.Blocked)
                .GroupBy(count => Enum.Parse<ResidentStatus>(count.Status))
                .ToDictionary(group => group.Key, group => group.Sum(count => count.Count)),
            counts.GroupBy(count => CommunityOf(count.CommunityId))
                .ToDictionary(group => group.Key, group => group.Sum(count => count.Count)),
            counts.Where(count => count.Blocked).Sum(count => count.Count),
            polls.Count(poll => IsOpen(poll, now)),
            polls.Count(poll => IsClosed(poll, now)),
            ballots,
            polls.Count(poll => IsProposal(poll) && !(poll.AuthorResidentId is { } author && blockedAuthors.Contains(author))));
    }
}
