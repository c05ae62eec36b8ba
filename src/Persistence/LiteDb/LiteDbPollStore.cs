using Hromada.Core.Polls;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbPollStore : IPollStore
{
    private const string Collection = "polls";

    private readonly ILiteCollection<PollDocument> _polls;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var polls = database.GetCollection<PollDocument>(Collection);
        polls.EnsureIndex(d => d.Status);
        polls.EnsureIndex(d => d.CommunityId);
    }

    public LiteDbPollStore(LiteDatabase database, LiteDbWriter writer)
    {
        _polls = database.GetCollection<PollDocument>(Collection);
        _writer = writer;
    }

    public Task SaveAsync(Poll poll, CancellationToken cancellationToken)
    {
        var document = PollDocument.From(poll);
        return _writer.WriteAsync(() => _polls.Upsert(document));
    }

    public Task<bool> TryChangeStatusAsync(Poll changed, PollStatus expected, CancellationToken cancellationToken)
    {
        var document = PollDocument.From(changed);
        return _writer.WriteAsync(() =>
        {
            var stored = _polls.FindById(changed.Id);
            var matches = stored is not null && stored.Status == expected.ToString();
            if (matches)
            {
                _polls.Update(document);
            }

            return matches;
        });
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

    /// <summary>The communities' polls are read by the index; the status at now is applied here.</summary>
    public Task<IReadOnlyList<Poll>> ListAsync(
        IReadOnlyCollection<string> communityIds,
        PollStatus? status,
        DateTimeOffset now,
        int offset,
        int limit,
        CancellationToken cancellationToken)
    {
        var page = _polls.Find(Query.In(nameof(PollDocument.CommunityId), new BsonArray(communityIds.Select(id => new BsonValue(id)))))
            .Select(d => d.ToPoll())
            .Where(poll => status is null || poll.StatusAt(now) == status)
            .OrderByDescending(poll => poll.CreatedAt)
            .ThenBy(poll => poll.Id, StringComparer.Ordinal)
            .Skip(offset)
            .Take(limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<Poll>>(page);
    }

    public Task<IReadOnlyList<Poll>> ListOpenClosingByAsync(DateTimeOffset by, CancellationToken cancellationToken)
    {
        var due = _polls.Find(d => d.Status == nameof(PollStatus.Open))
            .Select(d => d.ToPoll())
            .Where(poll => poll.ClosesAt <= by)
            .OrderBy(poll => poll.ClosesAt)
            .ThenBy(poll => poll.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<Poll>>(due);
    }
}
