using Hromada.Core.Ideas;

namespace Hromada.Persistence.Documents;

internal sealed class IdeaDocument
{
    public string Id { get; set; } = "";

    public string CommunityId { get; set; } = "";

    public string Sphere { get; set; } = "";

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public string? PhotoId { get; set; }

    public string AuthorResidentId { get; set; } = "";

    public string Status { get; set; } = "";

    public string? RejectionReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<IdeaStatusChangeDocument> History { get; set; } = [];

    /// <summary>The statuses residents see, by their stored names, for the queries that list public ideas.</summary>
    public static IReadOnlyList<string> PublicStatuses { get; } =
        [.. Enum.GetValues<IdeaStatus>().Where(Idea.IsPublicStatus).Select(status => status.ToString())];

    public static IdeaDocument From(Idea idea) => new()
    {
        Id = idea.Id,
        CommunityId = idea.CommunityId,
        Sphere = idea.Sphere,
        Title = idea.Title,
        Text = idea.Text,
        PhotoId = idea.PhotoId,
        AuthorResidentId = idea.AuthorResidentId,
        Status = idea.Status.ToString(),
        RejectionReason = idea.RejectionReason,
        CreatedAt = DocumentFormat.ToStored(idea.CreatedAt),
        UpdatedAt = DocumentFormat.ToStored(idea.UpdatedAt),
        History = [.. idea.History.Select(change => new IdeaStatusChangeDocument
        {
            Status = change.Status.ToString(),
            At = DocumentFormat.ToStored(change.At),
            ByResidentId = change.ByResidentId,
            Reason = change.Reason,
        })],
    };

    public Idea ToIdea() => new()
    {
        Id = Id,
        CommunityId = CommunityId,
        Sphere = Sphere,
        Title = Title,
        Text = Text,
        PhotoId = PhotoId,
        AuthorResidentId = AuthorResidentId,
        Status = Enum.Parse<IdeaStatus>(Status),
        RejectionReason = RejectionReason,
        CreatedAt = DocumentFormat.FromStored(CreatedAt),
        UpdatedAt = DocumentFormat.FromStored(UpdatedAt),
        History = [.. History.Select(change => new IdeaStatusChange(
            Enum.Parse<IdeaStatus>(change.Status), DocumentFormat.FromStored(change.At), change.ByResidentId, change.Reason))],
    };

    /// <summary>The public ideas ranked: the most supported first, then the newest; the id keeps the order stable.</summary>
    public static IReadOnlyList<RankedIdea> Rank(IEnumerable<RankedIdea> ideas, int limit) =>
        [.. ideas
            .OrderByDescending(ranked => ranked.Tally.Supporters)
            .ThenByDescending(ranked => ranked.Idea.CreatedAt)
            .ThenBy(ranked => ranked.Idea.Id, StringComparer.Ordinal)
            .Take(limit)];
}

internal sealed class IdeaStatusChangeDocument
{
    public string Status { get; set; } = "";

    public DateTime At { get; set; }

    public string ByResidentId { get; set; } = "";

    public string? Reason { get; set; }
}
