using Hromada.Core.Polls;
using Hromada.Persistence.Documents;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoPollStore(IMongoDatabase database) : IPollStore
{
    private readonly IMongoCollection<PollDocument> _polls = Collection(database);

    public static IMongoCollection<PollDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<PollDocument>("polls");

    public static async Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<PollDocument>.IndexKeys;
        await Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.Status).Ascending(d => d.CommunityId).Ascending(d => d.ClosesAt)),
                new(keys.Ascending(d => d.Status).Ascending(d => d.CreatedAt)),
                new(keys.Ascending(d => d.CommunityId).Descending(d => d.CreatedAt)),
            ],
            cancellationToken);
    }

    public Task SaveAsync(Poll poll, CancellationToken cancellationToken) =>
        _polls.ReplaceOneAsync(d => d.Id == poll.Id, PollDocument.From(poll), new ReplaceOptions { IsUpsert = true }, cancellationToken);

    /// <summary>Compare-and-set on the status: the replace matches only the poll as the caller read it.</summary>
    public async Task<bool> TryChangeStatusAsync(Poll changed, PollStatus expected, CancellationToken cancellationToken)
    {
        var status = expected.ToString();
        var replaced = await _polls.ReplaceOneAsync(
            d => d.Id == changed.Id && d.Status == status,
            PollDocument.From(changed),
            cancellationToken: cancellationToken);
        return replaced.MatchedCount == 1;
    }

    public async Task<Poll?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _polls.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToPoll();
    }

    public async Task<IReadOnlyList<Poll>> ListOpenAsync(
        IReadOnlyCollection<string> communityIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = DocumentFormat.ToStored(now);
        var filter = Builders<PollDocument>.Filter;
        var open = await _polls
            .Find(filter.Eq(d => d.Status, nameof(PollStatus.Open))
                & filter.In(d => d.CommunityId, communityIds)
                & filter.Gt(d => d.ClosesAt, at)
                & filter.Or(filter.Eq(d => d.OpensAt, null), filter.Lte(d => d.OpensAt, at)))
            .SortBy(d => d.ClosesAt)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. open.Select(d => d.ToPoll())];
    }

    public async Task<IReadOnlyList<Poll>> ListProposedAsync(CancellationToken cancellationToken)
    {
        var proposed = await _polls.Find(d => d.Status == nameof(PollStatus.Proposed))
            .SortBy(d => d.CreatedAt)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. proposed.Select(d => d.ToPoll())];
    }

    public async Task<IReadOnlyList<Poll>> ListPutToVoteAsync(IReadOnlyCollection<string>? communityIds, CancellationToken cancellationToken)
    {
        var filter = Builders<PollDocument>.Filter;
        var putToVote = filter.In(d => d.Status, [nameof(PollStatus.Open), nameof(PollStatus.Closed)]);
        var polls = await _polls
            .Find(communityIds is null ? putToVote : putToVote & filter.In(d => d.CommunityId, communityIds))
            .ToListAsync(cancellationToken);
        return [.. polls.Select(d => d.ToPoll())];
    }

    public async Task<IReadOnlyList<Poll>> ListAuthoredSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken)
    {
        var filter = Builders<PollDocument>.Filter;
        var authored = filter.Gte(d => d.CreatedAt, DocumentFormat.ToStored(since))
            & (residentId is null ? filter.Ne(d => d.AuthorResidentId, null) : filter.Eq(d => d.AuthorResidentId, residentId));
        var polls = await _polls.Find(authored).ToListAsync(cancellationToken);
        return [.. polls.Select(d => d.ToPoll())];
    }

    public async Task<IReadOnlyList<Poll>> ListAsync(
        IReadOnlyCollection<string> communityIds,
        PollStatus? status,
        DateTimeOffset now,
        int offset,
        int limit,
        CancellationToken cancellationToken)
    {
        var filter = Builders<PollDocument>.Filter;
        var at = DocumentFormat.ToStored(now);
        var stored = filter.Eq(d => d.Status, status.ToString());
        var storedOpen = filter.Eq(d => d.Status, nameof(PollStatus.Open));
        var statusFilter = status switch
        {
            null => filter.Empty,
            PollStatus.Open => storedOpen & filter.Not(filter.Lte(d => d.ClosesAt, at)),
            PollStatus.Closed => stored | (storedOpen & filter.Lte(d => d.ClosesAt, at)),
            _ => stored,
        };
        var page = await _polls.Find(filter.In(d => d.CommunityId, communityIds) & statusFilter)
            .SortByDescending(d => d.CreatedAt)
            .ThenBy(d => d.Id)
            .Skip(offset)
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return [.. page.Select(d => d.ToPoll())];
    }

    public async Task<IReadOnlyList<Poll>> ListOpenClosingByAsync(DateTimeOffset by, CancellationToken cancellationToken)
    {
        var at = DocumentFormat.ToStored(by);
        var due = await _polls.Find(d => d.Status == nameof(PollStatus.Open) && d.ClosesAt <= at)
            .SortBy(d => d.ClosesAt)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. due.Select(d => d.ToPoll())];
    }
}
