using Hromada.Core.Polls;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbPollStore : IPollStore
{
    private readonly ILiteCollection<PollDocument> _polls;

    public LiteDbPollStore(LiteDatabase database)
    {
        _polls = database.GetCollection<PollDocument>("polls");
        _polls.EnsureIndex(d => d.Status);
    }

    public Task SaveAsync(Poll poll, CancellationToken cancellationToken)
    {
        _polls.Upsert(PollDocument.From(poll));
        return Task.CompletedTask;
    }

    public Task<Poll?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_polls.FindById(id)?.ToPoll());

    /// <summary>Open polls are few at any time: the index finds them, the rest is filtered here.</summary>
    public Task<IReadOnlyList<Poll>> ListOpenAsync(
        IReadOnlyCollection<string> communityIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = _polls.Find(d => d.Status == nameof(PollStatus.Open))
            .Where(d => communityIds.Contains(d.CommunityId))
            .Select(d => d.ToPoll())
            .Where(poll => poll.IsOpenAt(now))
            .OrderBy(poll => poll.ClosesAt)
            .ThenBy(poll => poll.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<Poll>>(open);
    }

    public Task<IReadOnlyList<Poll>> ListProposedAsync(CancellationToken cancellationToken)
    {
        var proposed = _polls.Find(d => d.Status == nameof(PollStatus.Proposed))
            .Select(d => d.ToPoll())
            .OrderBy(poll => poll.CreatedAt)
            .ThenBy(poll => poll.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<Poll>>(proposed);
    }

    public Task<IReadOnlyList<Poll>> ListPutToVoteAsync(IReadOnlyCollection<string>? communityIds, CancellationToken cancellationToken)
    {
        var polls = _polls.Find(d => d.Status == nameof(PollStatus.Open) || d.Status == nameof(PollStatus.Closed))
            .Where(d => communityIds is null || communityIds.Contains(d.CommunityId))
            .Select(d => d.ToPoll())
            .ToList();
        return Task.FromResult<IReadOnlyList<Poll>>(polls);
    }

    public Task<IReadOnlyList<Poll>> ListAuthoredSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken)
    {
        var from = DocumentFormat.ToStored(since);
        var polls = _polls.Find(d => d.CreatedAt >= from && d.AuthorResidentId != null)
            .Where(d => residentId is null || d.AuthorResidentId == residentId)
            .Select(d => d.ToPoll())
            .ToList();
        return Task.FromResult<IReadOnlyList<Poll>>(polls);
    }
}
