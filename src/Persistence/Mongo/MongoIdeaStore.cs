using Hromada.Core.Ideas;
using Hromada.Persistence.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoIdeaStore(IMongoDatabase database) : IIdeaStore
{
    private readonly IMongoCollection<IdeaDocument> _ideas = Ideas(database);
    private readonly IMongoCollection<IdeaSupportDocument> _supports = Supports(database);

    public static IMongoCollection<IdeaDocument> Ideas(IMongoDatabase database) =>
        database.GetCollection<IdeaDocument>("ideas");

    public static IMongoCollection<IdeaSupportDocument> Supports(IMongoDatabase database) =>
        database.GetCollection<IdeaSupportDocument>("idea_supports");

    /// <summary>
    /// Ideas by status and community (the ranking), by status and age (the moderation queue), by
    /// author (My ideas). One support per (idea, resident): the _id is that pair, and the unique index
    /// says so explicitly for any other writer; its IdeaId prefix also serves the counts.
    /// </summary>
    public static async Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var ideaKeys = Builders<IdeaDocument>.IndexKeys;
        await Ideas(database).Indexes.CreateManyAsync(
            [
                new(ideaKeys.Ascending(d => d.Status).Ascending(d => d.CommunityId)),
                new(ideaKeys.Ascending(d => d.Status).Ascending(d => d.CreatedAt)),
                new(ideaKeys.Ascending(d => d.AuthorResidentId).Descending(d => d.CreatedAt)),
                new(ideaKeys.Ascending(d => d.CommunityId).Descending(d => d.CreatedAt)),
            ],
            cancellationToken);
        var supportKeys = Builders<IdeaSupportDocument>.IndexKeys;
        await Supports(database).Indexes.CreateManyAsync(
            [
                new(supportKeys.Ascending(d => d.IdeaId).Ascending(d => d.ResidentId), new CreateIndexOptions { Unique = true }),
                new(supportKeys.Ascending(d => d.ResidentId).Ascending(d => d.SupportedAt)),
            ],
            cancellationToken);
    }

    public Task SaveAsync(Idea idea, CancellationToken cancellationToken) =>
        _ideas.ReplaceOneAsync(d => d.Id == idea.Id, IdeaDocument.From(idea), new ReplaceOptions { IsUpsert = true }, cancellationToken);

    /// <summary>Compare-and-set on the status: the replace matches only the idea as the caller read it.</summary>
    public async Task<bool> TryChangeStatusAsync(Idea changed, IdeaStatus expected, CancellationToken cancellationToken)
    {
        var status = expected.ToString();
        var replaced = await _ideas.ReplaceOneAsync(
            d => d.Id == changed.Id && d.Status == status,
            IdeaDocument.From(changed),
            cancellationToken: cancellationToken);
        return replaced.MatchedCount == 1;
    }

    /// <summary>The idea first, by id and status; its supports only when it was deleted.</summary>
    public async Task<bool> TryDeleteAsync(string id, IdeaStatus expected, CancellationToken cancellationToken)
    {
        var status = expected.ToString();
        var deleted = await _ideas.DeleteOneAsync(d => d.Id == id && d.Status == status, cancellationToken);
        if (deleted.DeletedCount == 0)
        {
            return false;
        }

        await _supports.DeleteManyAsync(d => d.IdeaId == id, cancellationToken);
        return true;
    }

    public async Task<Idea?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _ideas.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToIdea();
    }

    public async Task<IReadOnlyList<RankedIdea>> ListPublishedAsync(
        IReadOnlyCollection<string> communityIds, int limit, CancellationToken cancellationToken)
    {
        var filter = Builders<IdeaDocument>.Filter;
        var found = await _ideas
            .Find(filter.In(d => d.Status, IdeaDocument.PublicStatuses) & filter.In(d => d.CommunityId, communityIds))
            .ToListAsync(cancellationToken);
        var tallies = await TalliesAsync([.. found.Select(d => d.Id)], cancellationToken);
        return IdeaDocument.Rank(
            found.Select(d => new RankedIdea(d.ToIdea(), tallies.GetValueOrDefault(d.Id, IdeaTally.None))), limit);
    }

    public async Task<IReadOnlyList<Idea>> ListAsync(
        IReadOnlyCollection<string> communityIds, IdeaStatus? status, int offset, int limit, CancellationToken cancellationToken)
    {
        var filter = Builders<IdeaDocument>.Filter;
        var page = await _ideas
            .Find(filter.In(d => d.CommunityId, communityIds) & (status is { } one ? filter.Eq(d => d.Status, one.ToString()) : filter.Empty))
            .SortByDescending(d => d.CreatedAt)
            .ThenBy(d => d.Id)
            .Skip(offset)
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return [.. page.Select(d => d.ToIdea())];
    }

    public async Task<IReadOnlyList<Idea>> ListProposedAsync(CancellationToken cancellationToken)
    {
        var proposed = await _ideas.Find(d => d.Status == nameof(IdeaStatus.Proposed))
            .SortBy(d => d.CreatedAt)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. proposed.Select(d => d.ToIdea())];
    }

    public async Task<IReadOnlyList<Idea>> ListByAuthorAsync(string residentId, CancellationToken cancellationToken)
    {
        var own = await _ideas.Find(d => d.AuthorResidentId == residentId)
            .SortByDescending(d => d.CreatedAt)
            .ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. own.Select(d => d.ToIdea())];
    }

    public async Task<IReadOnlyList<Idea>> ListProposedSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken)
    {
        var filter = Builders<IdeaDocument>.Filter;
        var proposed = filter.Gte(d => d.CreatedAt, DocumentFormat.ToStored(since))
            & (residentId is null ? filter.Empty : filter.Eq(d => d.AuthorResidentId, residentId));
        var ideas = await _ideas.Find(proposed).ToListAsync(cancellationToken);
        return [.. ideas.Select(d => d.ToIdea())];
    }

    public async Task<bool> SupportAsync(string ideaId, string residentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await _supports.InsertOneAsync(
                IdeaSupportDocument.From(new IdeaSupport(ideaId, residentId, at)), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            return false;
        }
    }

    /// <summary>Changes the rating in place when it differs; the same rating again, or no support, leaves everything as it is.</summary>
    public async Task<IdeaSupport?> RateAsync(
        string ideaId, string residentId, int rating, DateTimeOffset at, CancellationToken cancellationToken)
    {
        IdeaSupportDocument.EnsureRating(rating);
        var key = IdeaSupportDocument.KeyOf(ideaId, residentId);
        var rated = await _supports.FindOneAndUpdateAsync<IdeaSupportDocument>(
            d => d.Id == key && d.Rating != rating,
            Builders<IdeaSupportDocument>.Update.Set(d => d.Rating, rating).Set(d => d.RatedAt, DocumentFormat.ToStored(at)),
            new FindOneAndUpdateOptions<IdeaSupportDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return rated?.ToSupport() ?? await FindSupportAsync(ideaId, residentId, cancellationToken);
    }

    public async Task<IdeaSupport?> FindSupportAsync(string ideaId, string residentId, CancellationToken cancellationToken)
    {
        var key = IdeaSupportDocument.KeyOf(ideaId, residentId);
        var document = await _supports.Find(d => d.Id == key).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSupport();
    }

    public async Task<IdeaTally> TallyAsync(string ideaId, CancellationToken cancellationToken) =>
        (await TalliesAsync([ideaId], cancellationToken)).GetValueOrDefault(ideaId, IdeaTally.None);

    public async Task<IReadOnlyList<string>> ListSupporterIdsAsync(string ideaId, CancellationToken cancellationToken) =>
        await _supports.Find(d => d.IdeaId == ideaId)
            .SortBy(d => d.SupportedAt)
            .ThenBy(d => d.ResidentId)
            .Project(d => d.ResidentId)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<IdeaSupport>> ListSupportsByResidentAsync(string residentId, CancellationToken cancellationToken)
    {
        var supports = await _supports.Find(d => d.ResidentId == residentId)
            .SortBy(d => d.SupportedAt)
            .ThenBy(d => d.IdeaId)
            .ToListAsync(cancellationToken);
        return [.. supports.Select(d => d.ToSupport())];
    }

    /// <summary>The database counts, per idea: its supports, those with a rating, and the ratings' sum.</summary>
    private async Task<Dictionary<string, IdeaTally>> TalliesAsync(IReadOnlyList<string> ideaIds, CancellationToken cancellationToken)
    {
        if (ideaIds.Count == 0)
        {
            return [];
        }

        var rows = await _supports.Aggregate()
            .Match(Builders<IdeaSupportDocument>.Filter.In(d => d.IdeaId, ideaIds))
            .Group(new BsonDocument
            {
                { "_id", "$IdeaId" },
                { "supporters", new BsonDocument("$sum", 1) },
                { "ratings", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { new BsonDocument("$isNumber", "$Rating"), 1, 0 })) },
                { "ratingSum", new BsonDocument("$sum", "$Rating") },
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(
            row => row["_id"].AsString,
            row => new IdeaTally(row["supporters"].ToInt32(), row["ratings"].ToInt32(), row["ratingSum"].ToInt32()));
    }
}
