using Hromada.Core.Residents;

namespace Hromada.Core.Ideas;

/// <summary>
/// The "ideas" part of /mydata: the resident's own ideas with their way through the statuses, and the
/// ideas they support with their ratings. Which moderator made a decision is the moderator's data, not
/// the resident's, so the history leaves it out. On /forget, public ideas stay for the community that
/// saw and supported them, without their author; ideas only moderators saw (proposed, rejected) go with
/// the resident. The resident's supports of others' ideas stay counted, as their ballots do.
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

    public async Task ForgetAsync(Resident resident, CancellationToken cancellationToken)
    {
        foreach (var idea in await ideas.ListByAuthorAsync(resident.Id, cancellationToken))
        {
            await ForgetAsync(idea, cancellationToken);
        }
    }

    /// <summary>Reads the idea again when a moderator moved it meanwhile; statuses only move forward, so this ends.</summary>
    private async Task ForgetAsync(Idea idea, CancellationToken cancellationToken)
    {
        for (var current = idea; current is not null; current = await ideas.GetAsync(current.Id, cancellationToken))
        {
            var done = current.IsPublic
                ? await ideas.TryChangeStatusAsync(WithoutAuthor(current), current.Status, cancellationToken)
                : await ideas.TryDeleteAsync(current.Id, current.Status, cancellationToken);
            if (done)
            {
                return;
            }
        }
    }

    private static Idea WithoutAuthor(Idea idea) => idea with
    {
        AuthorResidentId = ForgottenResident.Id,
        History = [.. idea.History.Select(change => change.Status == IdeaStatus.Proposed ? change with { ByResidentId = ForgottenResident.Id } : change)],
    };

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
