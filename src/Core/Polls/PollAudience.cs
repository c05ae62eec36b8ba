using Hromada.Core.Communities;
using Hromada.Core.Residents;

namespace Hromada.Core.Polls;

/// <summary>Which polls a resident takes part in: those of their community and of the national level.</summary>
public static class PollAudience
{
    public static IReadOnlyList<string> CommunitiesOf(Resident resident) =>
        [.. new[] { resident.CommunityId ?? Community.NationalId, Community.NationalId }.Distinct()];

    /// <summary>Whether the resident may look at the poll at <paramref name="now"/>: one of theirs, open or closed.</summary>
    public static bool MaySee(Resident resident, Poll poll, DateTimeOffset now) =>
        CommunitiesOf(resident).Contains(poll.CommunityId)
        && (poll.IsOpenAt(now) || poll.StatusAt(now) == PollStatus.Closed);
}
