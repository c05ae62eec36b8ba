using Hromada.Core.Communities;
using Hromada.Core.Ideas;
using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>
/// Ideas for the moderators of their communities: the proposals waiting (blocked residents' hidden)
/// and the published ideas still on their way; publishing, rejecting and each later step checked
/// against the moderator's communities and audited. <see cref="IdeaModeration"/> stores the step and tells the author and supporters.
/// </summary>
public sealed class IdeaDecisions(
    IIdeaStore ideas, IdeaModeration moderation, IResidentStore residents, CommunityDirectory communities, AuditTrail audit)
{
    public const string ModerateAttempt = "idea.moderate";

    /// <summary>How many published ideas "in progress" lists at most, the most supported first.</summary>
    public const int InProgressLimit = 30;

    public async Task<IReadOnlyList<Idea>> ProposedAsync(ModeratorScope by, CancellationToken cancellationToken)
    {
        var queue = new List<Idea>();
        foreach (var idea in await ideas.ListProposedAsync(cancellationToken))
        {
            if (by.MayModerate(idea.CommunityId) && await residents.GetAsync(idea.AuthorResidentId, cancellationToken) is not { IsBlocked: true })
            {
                queue.Add(idea);
            }
        }

        return queue;
    }

    /// <summary>Published ideas of the moderator's communities that may still move a step on.</summary>
    public async Task<IReadOnlyList<Idea>> InProgressAsync(ModeratorScope by, CancellationToken cancellationToken) =>
        [.. (await ideas.ListPublishedAsync(by.CommunitiesIn(communities), InProgressLimit, cancellationToken))
            .Select(ranked => ranked.Idea)
            .Where(idea => Idea.NextStatuses(idea.Status).Count > 0)];

    /// <summary>The idea, when it is in the moderator's communities; one of another community is audited as refused.</summary>
    public async Task<Idea?> FindAsync(ModeratorScope by, string ideaId, CancellationToken cancellationToken)
    {
        if (await ideas.GetAsync(ideaId, cancellationToken) is not { } idea)
        {
            return null;
        }

        if (!await audit.AdmitsAsync(by, ModerateAttempt, idea.CommunityId, cancellationToken))
        {
            return null;
        }

        return idea;
    }

    /// <summary>Moves the idea to <paramref name="next"/>; a rejection needs <paramref name="reason"/>.</summary>
    public async Task<ModerationOutcome> DecideAsync(
        ModeratorScope by, string ideaId, IdeaStatus next, string? reason, CancellationToken cancellationToken)
    {
        if (await ideas.GetAsync(ideaId, cancellationToken) is not { } idea)
        {
            return ModerationOutcome.NotFound;
        }

        if (!await audit.AdmitsAsync(by, ModerateAttempt, idea.CommunityId, cancellationToken))
        {
            return ModerationOutcome.Refused;
        }

        var moderatorId = by.Actor.AuthorId;
        var result = next switch
        {
            IdeaStatus.Published => await moderation.PublishAsync(ideaId, moderatorId, cancellationToken),
            IdeaStatus.Rejected => await moderation.RejectAsync(ideaId, reason ?? "", moderatorId, cancellationToken),
            _ => await moderation.MoveToAsync(ideaId, next, moderatorId, cancellationToken),
        };
        switch (result.Outcome)
        {
            case IdeaModerationOutcome.Changed:
                await audit.RecordAsync(
                    by.Actor,
                    next switch
                    {
                        IdeaStatus.Published => AuditActions.IdeaPublished,
                        IdeaStatus.Rejected => AuditActions.IdeaRejected,
                        _ => AuditActions.IdeaMoved,
                    },
                    AuditTargets.Idea(ideaId),
                    idea.CommunityId,
                    new { idea.Status },
                    new { result.Idea!.Status, Reason = result.Idea.RejectionReason },
                    cancellationToken);
                return ModerationOutcome.Done;
            case IdeaModerationOutcome.AlreadyInStatus:
                return ModerationOutcome.Unchanged;
            default:
                return ModerationOutcome.NotFound;
        }
    }
}
