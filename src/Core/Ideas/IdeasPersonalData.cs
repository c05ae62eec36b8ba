using Hromada.Core.Residents;

namespace Hromada.Core.Ideas;

/// <summary>
/// The "ideas" part of /mydata: the resident's own ideas with their way through the statuses, and the
/// ideas they support with their ratings. Which moderator made a decision is the moderator's data, not
/// the resident's, so the history leaves it out.
/// </summary>
public sealed class IdeasPersonalData(IIdeaStore ideas) : IPersonalDataSection
{
    public string Name => "ideas";

    public async Task<object?> ExportAsync(Resident resident, CancellationToken cancellationToken)
    {
        var own = await ideas.ListByAuthorAsync(resident.Id, cancellationToken);
        var supports = await ideas.ListSupportsByResidentAsync(resident.Id, cancellationToken);
        if (own.Count == 0 && supports.Count == 0)
        {
            return null;
        }

        var supported = new List<SupportExport>();
        foreach (var support in supports)
        {
            var title = (await ideas.GetAsync(support.IdeaId, cancellationToken))?.Title;
            supported.Add(new SupportExport(support.IdeaId, title, support.SupportedAt, support.Rating, support.RatedAt));
        }

        return new IdeasExport(
            [.. own.Select(idea => new IdeaExport(
                idea.Id,
                idea.CommunityId,
                idea.Sphere,
                idea.Title,
                idea.Text,
                idea.PhotoId,
                idea.Status,
                idea.RejectionReason,
                idea.CreatedAt,
                [.. idea.History.Select(change => new StatusExport(change.Status, change.At, change.Reason))]))],
            supported);
    }

    private sealed record IdeasExport(IReadOnlyList<IdeaExport> Own, IReadOnlyList<SupportExport> Supported);

    private sealed record IdeaExport(
        string Id,
        string CommunityId,
        string Sphere,
        string Title,
        string Text,
        string? PhotoId,
        IdeaStatus Status,
        string? RejectionReason,
        DateTimeOffset CreatedAt,
        IReadOnlyList<StatusExport> History);

    private sealed record StatusExport(IdeaStatus Status, DateTimeOffset At, string? Reason);

    private sealed record SupportExport(string IdeaId, string? Title, DateTimeOffset SupportedAt, int? Rating, DateTimeOffset? RatedAt);
}
