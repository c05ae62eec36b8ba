using Hromada.Core.Ideas;

namespace Hromada.Persistence.Documents;

internal sealed class IdeaSupportDocument
{
    /// <summary>The (idea, resident) pair itself, so the primary key allows one support per pair.</summary>
    public string Id { get; set; } = "";

    public string IdeaId { get; set; } = "";

    public string ResidentId { get; set; } = "";

    public DateTime SupportedAt { get; set; }

    public int? Rating { get; set; }

    public DateTime? RatedAt { get; set; }

    public static string KeyOf(string ideaId, string residentId) => $"{ideaId}/{residentId}";

    public static IdeaSupportDocument From(IdeaSupport support) => new()
    {
        Id = KeyOf(support.IdeaId, support.ResidentId),
        IdeaId = support.IdeaId,
        ResidentId = support.ResidentId,
        SupportedAt = DocumentFormat.ToStored(support.SupportedAt),
        Rating = support.Rating,
        RatedAt = support.RatedAt is { } ratedAt ? DocumentFormat.ToStored(ratedAt) : null,
    };

    public IdeaSupport ToSupport() => new(
        IdeaId,
        ResidentId,
        DocumentFormat.FromStored(SupportedAt),
        Rating,
        RatedAt is { } ratedAt ? DocumentFormat.FromStored(ratedAt) : null);

    /// <summary>A rating outside 1 to 5 is a caller's bug, never stored.</summary>
    public static void EnsureRating(int rating)
    {
        if (!IdeaSupport.IsRating(rating))
        {
            throw new ArgumentOutOfRangeException(
                nameof(rating), rating, $"A rating runs from {IdeaSupport.MinRating} to {IdeaSupport.MaxRating}.");
        }
    }
}
