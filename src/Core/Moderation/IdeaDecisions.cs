using Hromada.Core.Communities;
using Hromada.Core.Ideas;
using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>
/// Ideas for the moderators of their communities: the proposals waiting and the published ideas still
/// on their way; publishing, rejecting and each later step checked against the moderator's communities
/// and audited. <see cref="IdeaModeration"/> stores the step and tells the author and supporters.
/// A blocked resident's proposal is hidden, as in the poll queue: listed nowhere, and found by no id,
/// so a crafted button or API call cannot publish it. Their ideas published before the block stay public
/// and may still move on.
/// </summary>
public sealed class IdeaDecisions(
    IIdeaStore ideas, IdeaModeration moderation, IResidentStore residents, CommunityDirectory communities, AuditTrail audit)
{
    public const string ModerateAttempt = "idea.moderate";

    /// <summary>How many published ideas "in progress" lists at most, the most supported first.</summary>
    public const int InProgressLimit = 30;

    /// <summary>How many ideas <see cref="ListAsync"/> reads from the store at a time.</summary>
    private const int ListBatch = 100;

    public async Task<IReadOnlyList<Idea>> ProposedAsync(ModeratorScope by, CancellationToken cancellationToken)
    {
        var queue = new List<Idea>();
        foreach (var idea in await ideas.ListProposedAsync(cancellationToken))
        {
            if (by.MayModerate(idea.CommunityId) && !await IsHiddenAsync(idea, cancellationToken))
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

    /// <summary>
    /// A page of the ideas of those of <paramref name="communityIds"/> the moderator moderates, newest
    /// first, in every status or in <paramref name="status"/>. Hidden proposals are left out before
    /// paging, so <paramref name="offset"/> counts only the ideas a moderator may see.
    /// </summary>
    public async Task<IReadOnlyList<Idea>> ListAsync(
        ModeratorScope by, IReadOnlyCollection<string> communityIds, IdeaStatus? status, int offset, int limit, CancellationToken cancellationToken)
    {
        var moderated = communityIds.Where(by.MayModerate).ToList();
        var visible = new List<Idea>();
        var read = 0;
        while (moderated.Count > 0 && visible.Count < offset + limit)
        {
            var batch = await ideas.ListAsync(moderated, status, read, ListBatch, cancellationToken);
            foreach (var idea in batch)
            {
                if (!await IsHiddenAsync(idea, cancellationToken))
                {
                    visible.Add(idea);
                }
            }

            read += batch.Count;
            if (batch.Count < ListBatch)
            {
                break;
            }
        }

        return [.. visible.Skip(offset).Take(limit)];
    }

    /// <summary>The idea, when it is in the moderator's communities; one of another community is audited as refused.</summary>
    public async Task<Moderated<Idea>> FindAsync(ModeratorScope by, string ideaId, CancellationToken cancellationToken)
    {
        var idea = await ideas.GetAsync(ideaId, cancellationToken);
        return await audit.AdmitAsync(
            by, ModerateAttempt, idea is null || await IsHiddenAsync(idea, cancellationToken) ? null : idea, found => found.CommunityId, cancellationToken);
    }

    /// <summary>
    /// Moves the idea to <paramref name="next"/>; a rejection needs <paramref name="reason"/>. The idea
    /// returned is as stored afterwards, also when the step was not allowed.
    /// </summary>
    public async Task<Moderated<Idea>> DecideAsync(
        ModeratorScope by, string ideaId, IdeaStatus next, string? reason, CancellationToken cancellationToken)
    {
        var found = await FindAsync(by, ideaId, cancellationToken);
        if (!found.IsDone)
        {
            return found;
        }

        var idea = found.Subject!;
        var moderatorId = by.Actor.AuthorId;
        var result = next switch
        {
            IdeaStatus.Published => await moderation.PublishAsync(ideaId, moderatorId, cancellationToken),
            IdeaStatus.Rejected => await moderation.RejectAsync(ideaId, reason ?? "", moderatorId, cancellationToken),
            _ => await moderation.MoveToAsync(ideaId, next, moderatorId, cancellationToken),
        };
        var outcome = result.Outcome switch
        {
            IdeaModerationOutcome.Changed => ModerationOutcome.Done,
            IdeaModerationOutcome.AlreadyInStatus => ModerationOutcome.Unchanged,
            IdeaModerationOutcome.NotAllowed => ModerationOutcome.NotAllowed,
            IdeaModerationOutcome.ReasonRequired or IdeaModerationOutcome.ReasonTooLong => ModerationOutcome.Invalid,
            _ => ModerationOutcome.NotFound,
        };
        if (outcome == ModerationOutcome.Done)
        {
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
        }

        return new Moderated<Idea>(outcome, result.Idea);
    }

    /// <summary>A proposal of a blocked resident: hidden from the moderators, like their poll proposals.</summary>
    private async Task<bool> IsHiddenAsync(Idea idea, CancellationToken cancellationToken) =>
        idea.Status == IdeaStatus.Proposed && await residents.GetAsync(idea.AuthorResidentId, cancellationToken) is { IsBlocked: true };
}
