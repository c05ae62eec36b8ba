using Hromada.Core.Ideas;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbIdeaStore : IIdeaStore
{
    private const string IdeaSupportsCollection = "idea_supports";
    private const string IdeasCollection = "ideas";

    private readonly ILiteCollection<IdeaDocument> _ideas;
    private readonly ILiteCollection<IdeaSupportDocument> _supports;
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var ideas = database.GetCollection<IdeaDocument>(IdeasCollection);
        ideas.EnsureIndex(d => d.Status);
        ideas.EnsureIndex(d => d.CommunityId);
        ideas.EnsureIndex(d => d.AuthorResidentId);
        var supports = database.GetCollection<IdeaSupportDocument>(IdeaSupportsCollection);
        supports.EnsureIndex(d => d.IdeaId);
        supports.EnsureIndex(d => d.ResidentId);
    }

    public LiteDbIdeaStore(LiteDatabase database, LiteDbWriter writer)
    {
        _ideas = database.GetCollection<IdeaDocument>(IdeasCollection);
        _supports = database.GetCollection<IdeaSupportDocument>(IdeaSupportsCollection);
        _writer = writer;
    }

    public Task SaveAsync(Idea idea, CancellationToken cancellationToken)
    {
        var document = IdeaDocument.From(idea);
        return _writer.WriteAsync(() => _ideas.Upsert(document));
    }

    public Task<bool> TryChangeStatusAsync(Idea changed, IdeaStatus expected, CancellationToken cancellationToken)
    {
        var document = IdeaDocument.From(changed);
        return _writer.WriteAsync(() =>
        {
            var stored = _ideas.FindById(changed.Id);
            var matches = stored is not null && stored.Status == expected.ToString();
            if (matches)
            {
                _ideas.Update(document);
            }

            return matches;
        });
    }

    public Task<bool> TryDeleteAsync(string id, IdeaStatus expected, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            var matches = _ideas.FindById(id) is { } stored && stored.Status == expected.ToString();
            if (matches)
            {
                _supports.DeleteMany(d => d.IdeaId == id);
                _ideas.Delete(id);
            }

            return matches;
        });

    public Task<Idea?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_ideas.FindById(id)?.ToIdea());

    /// <summary>The community index finds the ideas of the two or so communities; the rest is filtered and counted here.</summary>
    public Task<IReadOnlyList<RankedIdea>> ListPublishedAsync(
        IReadOnlyCollection<string> communityIds, int limit, CancellationToken cancellationToken)
    {
        var ranked = communityIds.Distinct()
            .SelectMany(communityId => _ideas.Find(d => d.CommunityId == communityId))
            .Where(d => IdeaDocument.PublicStatuses.Contains(d.Status))
            .Select(d => new RankedIdea(d.ToIdea(), Tally(d.Id)));
        return Task.FromResult(IdeaDocument.Rank(ranked, limit));
    }

    /// <summary>The communities' ideas are read by the index; the status, order and page are applied here.</summary>
    public Task<IReadOnlyList<Idea>> ListAsync(
        IReadOnlyCollection<string> communityIds, IdeaStatus? status, int offset, int limit, CancellationToken cancellationToken)
    {
        var stored = status?.ToString();
        var page = _ideas.Find(Query.In(nameof(IdeaDocument.CommunityId), new BsonArray(communityIds.Select(id => new BsonValue(id)))))
            .Where(d => stored is null || d.Status == stored)
            .OrderByDescending(d => d.CreatedAt)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Skip(offset)
            .Take(limit)
            .Select(d => d.ToIdea())
            .ToList();
        return Task.FromResult<IReadOnlyList<Idea>>(page);
    }

    public Task<IReadOnlyList<Idea>> ListProposedAsync(CancellationToken cancellationToken)
    {
        var proposed = _ideas.Find(d => d.Status == nameof(IdeaStatus.Proposed))
            .Select(d => d.ToIdea())
            .OrderBy(idea => idea.CreatedAt)
            .ThenBy(idea => idea.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<Idea>>(proposed);
    }

    public Task<IReadOnlyList<Idea>> ListByAuthorAsync(string residentId, CancellationToken cancellationToken)
    {
        var own = _ideas.Find(d => d.AuthorResidentId == residentId)
            .Select(d => d.ToIdea())
            .OrderByDescending(idea => idea.CreatedAt)
            .ThenBy(idea => idea.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<Idea>>(own);
    }

    public Task<IReadOnlyList<Idea>> ListProposedSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken)
    {
        var from = DocumentFormat.ToStored(since);
        var proposed = _ideas.Find(d => d.CreatedAt >= from)
            .Where(d => residentId is null || d.AuthorResidentId == residentId)
            .Select(d => d.ToIdea())
            .ToList();
        return Task.FromResult<IReadOnlyList<Idea>>(proposed);
    }

    /// <summary>The primary key (idea, resident) is looked up first: a refused insert would roll back the writes committed with it.</summary>
    public Task<bool> SupportAsync(string ideaId, string residentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var document = IdeaSupportDocument.From(new IdeaSupport(ideaId, residentId, at));
        return _writer.WriteAsync(() =>
        {
            if (_supports.FindById(document.Id) is not null)
            {
                return false;
            }

            _supports.Insert(document);
            return true;
        });
    }

    public Task<IdeaSupport?> RateAsync(
        string ideaId, string residentId, int rating, DateTimeOffset at, CancellationToken cancellationToken)
    {
        IdeaSupportDocument.EnsureRating(rating);
        return _writer.WriteAsync(() =>
        {
            var stored = _supports.FindById(IdeaSupportDocument.KeyOf(ideaId, residentId))?.ToSupport();
            if (stored is null || stored.Rating == rating)
            {
                return stored;
            }

            var rated = stored with { Rating = rating, RatedAt = at };
            _supports.Update(IdeaSupportDocument.From(rated));
            return rated;
        });
    }

    public Task<IdeaSupport?> FindSupportAsync(string ideaId, string residentId, CancellationToken cancellationToken) =>
        Task.FromResult(_supports.FindById(IdeaSupportDocument.KeyOf(ideaId, residentId))?.ToSupport());

    public Task<IdeaTally> TallyAsync(string ideaId, CancellationToken cancellationToken) =>
        Task.FromResult(Tally(ideaId));

    public Task<IReadOnlyList<string>> ListSupporterIdsAsync(string ideaId, CancellationToken cancellationToken)
    {
        var supporters = _supports.Find(d => d.IdeaId == ideaId)
            .OrderBy(d => d.SupportedAt)
            .ThenBy(d => d.ResidentId, StringComparer.Ordinal)
            .Select(d => d.ResidentId)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(supporters);
    }

    public Task<IReadOnlyList<IdeaSupport>> ListSupportsByResidentAsync(string residentId, CancellationToken cancellationToken)
    {
        var supports = _supports.Find(d => d.ResidentId == residentId)
            .Select(d => d.ToSupport())
            .OrderBy(support => support.SupportedAt)
            .ThenBy(support => support.IdeaId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<IdeaSupport>>(supports);
    }

    private IdeaTally Tally(string ideaId) => IdeaTally.From(_supports.Find(d => d.IdeaId == ideaId).Select(d => d.ToSupport()));
}
