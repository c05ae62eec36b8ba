using Hromada.Core.Moderation;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

/// <summary>Reads the residents, polls and ballots collections; the figures are asked for now and then, so a scan of the residents is fine here.</summary>
internal sealed class LiteDbCommunityStatsStore(LiteDatabase database) : ICommunityStatsStore
{
    private readonly ILiteCollection<ResidentDocument> _residents = database.GetCollection<ResidentDocument>("residents");
    private readonly ILiteCollection<PollDocument> _polls = database.GetCollection<PollDocument>("polls");
    private readonly ILiteCollection<BallotDocument> _ballots = database.GetCollection<BallotDocument>("ballots");

    public Task<CommunityStats> CountAsync(IReadOnlyCollection<string>? communityIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = communityIds?.ToHashSet();
        var residents = _residents.Find(d => d.RegisteredAt != null)
            .Where(d => wanted is null || wanted.Contains(StatsRows.CommunityOf(d.CommunityId)))
            .GroupBy(d => (Community: StatsRows.CommunityOf(d.CommunityId), d.Status, Blocked: d.BlockedAt != null))
            .Select(group => new ResidentCountRow(group.Key.Community, group.Key.Status, group.Key.Blocked, group.Count()));
        var polls = _polls.FindAll()
            .Where(d => wanted is null || wanted.Contains(d.CommunityId))
            .Select(d => new PollRow(d.Id, d.CommunityId, d.Status, d.OpensAt, d.ClosesAt, d.AuthorResidentId))
            .ToList();
        var ballots = polls.Where(poll => !StatsRows.IsProposal(poll))
            .ToDictionary(poll => poll.Id, poll => _ballots.Count(d => d.PollId == poll.Id));
        var blockedAuthors = polls.Where(StatsRows.IsProposal)
            .Select(poll => poll.AuthorResidentId)
            .OfType<string>()
            .Where(author => _residents.FindById(author) is { BlockedAt: not null })
            .ToHashSet();
        return Task.FromResult(StatsRows.Build(residents, polls, now, ballots, blockedAuthors));
    }
}
