namespace Hromada.Core.Ideas;

/// <summary>
/// Ideas and their supports. Supports are counted from the stored supports each time, so the counts
/// and averages shown are always exact; who supports an idea is read only to notify them.
/// </summary>
public interface IIdeaStore
{
    /// <summary>Inserts or replaces the idea by id.</summary>
    Task SaveAsync(Idea idea, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored idea with <paramref name="changed"/> only while the stored one still has
    /// <paramref name="expected"/> status, so two moderators acting at once cannot both move it.
    /// </summary>
    /// <returns>False when the idea is gone or its status changed meanwhile; nothing is written then.</returns>
    Task<bool> TryChangeStatusAsync(Idea changed, IdeaStatus expected, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the idea and its supports only while the stored idea still has <paramref name="expected"/>
    /// status, so an idea published meanwhile is not deleted as the unpublished one it was.
    /// </summary>
    /// <returns>False when the idea is gone or its status changed meanwhile; nothing is deleted then.</returns>
    Task<bool> TryDeleteAsync(string id, IdeaStatus expected, CancellationToken cancellationToken);

    Task<Idea?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The public ideas (<see cref="Idea.IsPublic"/>) of the given communities with their tallies, the
    /// most supported first, then the newest; at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<RankedIdea>> ListPublishedAsync(
        IReadOnlyCollection<string> communityIds, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Ideas of the given communities, newest first, in every status or only in <paramref name="status"/>;
    /// a page of <paramref name="limit"/> after skipping <paramref name="offset"/>.
    /// </summary>
    Task<IReadOnlyList<Idea>> ListAsync(
        IReadOnlyCollection<string> communityIds, IdeaStatus? status, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Ideas waiting for moderation, oldest first.</summary>
    Task<IReadOnlyList<Idea>> ListProposedAsync(CancellationToken cancellationToken);

    /// <summary>The resident's own ideas in every status, newest first.</summary>
    Task<IReadOnlyList<Idea>> ListByAuthorAsync(string residentId, CancellationToken cancellationToken);

    /// <summary>Ideas proposed at or after <paramref name="since"/>, in every status; only <paramref name="residentId"/>'s when given.</summary>
    Task<IReadOnlyList<Idea>> ListProposedSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the resident's support of the idea, once, also when the same press arrives several
    /// times at once. The caller checks that the idea is public and not the resident's own.
    /// </summary>
    /// <returns>True when this call added the support; false when the resident supported it already.</returns>
    Task<bool> SupportAsync(string ideaId, string residentId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sets or changes the supporter's rating (<see cref="IdeaSupport.MinRating"/> to <see cref="IdeaSupport.MaxRating"/>).</summary>
    /// <returns>The support as stored after the rating; null when the resident does not support the idea, and nothing is stored.</returns>
    Task<IdeaSupport?> RateAsync(
        string ideaId, string residentId, int rating, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IdeaSupport?> FindSupportAsync(string ideaId, string residentId, CancellationToken cancellationToken);

    /// <summary>Counts the idea's supports and ratings now.</summary>
    Task<IdeaTally> TallyAsync(string ideaId, CancellationToken cancellationToken);

    /// <summary>The ids of the residents who support the idea, for notifying them; never shown to anyone.</summary>
    Task<IReadOnlyList<string>> ListSupporterIdsAsync(string ideaId, CancellationToken cancellationToken);

    /// <summary>The resident's own supports, oldest first (for /mydata).</summary>
    Task<IReadOnlyList<IdeaSupport>> ListSupportsByResidentAsync(string residentId, CancellationToken cancellationToken);
}
