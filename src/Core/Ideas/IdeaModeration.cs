using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Ideas;

/// <summary>What became of a moderator's request; only <see cref="Changed"/> stored anything.</summary>
public enum IdeaModerationOutcome
{
    /// <summary>The idea moved to the requested status; the author and the supporters are told.</summary>
    Changed,

    /// <summary>
    /// The idea has that status already (another moderator was first, or the request is repeated);
    /// the notices are queued again, which sends only those not queued before.
    /// </summary>
    AlreadyInStatus,

    NotFound,

    /// <summary>The status cannot follow the idea's current one (see <see cref="Idea.NextStatuses"/>).</summary>
    NotAllowed,

    /// <summary>A rejection needs a reason for the author.</summary>
    ReasonRequired,

    /// <summary>The reason is longer than <see cref="Idea.ReasonMaxLength"/>.</summary>
    ReasonTooLong,
}

/// <param name="Idea">The idea as stored after the request; null when not found.</param>
public sealed record IdeaModerationResult(IdeaModerationOutcome Outcome, Idea? Idea)
{
    public bool Changed => Outcome == IdeaModerationOutcome.Changed;
}

/// <summary>
/// Moves ideas through their statuses for the moderators: publish or reject a proposal, then under
/// consideration, accepted, implemented. Each change is kept in the idea's history with the acting
/// moderator, and told to the author and every supporter in their own language, once.
/// Who may moderate is decided by the caller.
/// </summary>
public sealed partial class IdeaModeration(
    IIdeaStore ideas, IResidentStore residents, ResidentNotifier notifier, TimeProvider time, ILogger<IdeaModeration> logger)
{
    /// <summary>Data of the button under a notice: the command that opens the idea.</summary>
    public static string OpenCommand(string ideaId) => $"/ideas {ideaId}";

    /// <summary>The idempotency key of the notices of the idea reaching <paramref name="status"/>.</summary>
    private static string NoticeKey(string ideaId, IdeaStatus status) =>
        $"idea:{ideaId}:{status.ToString().ToLowerInvariant()}";

    public Task<IdeaModerationResult> PublishAsync(string ideaId, string moderatorResidentId, CancellationToken cancellationToken) =>
        ChangeAsync(ideaId, IdeaStatus.Published, moderatorResidentId, reason: null, cancellationToken);

    public Task<IdeaModerationResult> RejectAsync(
        string ideaId, string reason, string moderatorResidentId, CancellationToken cancellationToken) =>
        ChangeAsync(ideaId, IdeaStatus.Rejected, moderatorResidentId, reason, cancellationToken);

    /// <summary>Moves the idea to <paramref name="next"/>; a rejection goes through <see cref="RejectAsync"/>, which takes the reason.</summary>
    public Task<IdeaModerationResult> MoveToAsync(
        string ideaId, IdeaStatus next, string moderatorResidentId, CancellationToken cancellationToken) =>
        ChangeAsync(ideaId, next, moderatorResidentId, reason: null, cancellationToken);

    private async Task<IdeaModerationResult> ChangeAsync(
        string ideaId, IdeaStatus next, string moderatorResidentId, string? reason, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();

        // Each lost race means the status moved forward meanwhile, so this ends within a few rounds.
        while (true)
        {
            var idea = await ideas.GetAsync(ideaId, cancellationToken);
            if (idea is null)
            {
                return new IdeaModerationResult(IdeaModerationOutcome.NotFound, null);
            }

            if (idea.Status == next && next != IdeaStatus.Proposed)
            {
                await NotifyAsync(idea, cancellationToken);
                return new IdeaModerationResult(IdeaModerationOutcome.AlreadyInStatus, idea);
            }

            if (!idea.CanMoveTo(next))
            {
                return new IdeaModerationResult(IdeaModerationOutcome.NotAllowed, idea);
            }

            if (next == IdeaStatus.Rejected && ReasonProblem(reason) is { } problem)
            {
                return new IdeaModerationResult(problem, idea);
            }

            var changed = idea.MovedTo(next, time.GetUtcNow(), moderatorResidentId, reason);
            if (await ideas.TryChangeStatusAsync(changed, idea.Status, cancellationToken))
            {
                LogChanged(idea.Id, idea.Status, next, moderatorResidentId);
                await NotifyAsync(changed, cancellationToken);
                return new IdeaModerationResult(IdeaModerationOutcome.Changed, changed);
            }
        }
    }

    private static IdeaModerationOutcome? ReasonProblem(string? reason) => reason switch
    {
        null or "" => IdeaModerationOutcome.ReasonRequired,
        { Length: > Idea.ReasonMaxLength } => IdeaModerationOutcome.ReasonTooLong,
        _ => null,
    };

    /// <summary>
    /// Tells the author and each supporter (a forgotten resident is skipped). The key names the idea
    /// and the status, so repeating this after a crash or a repeated request sends nothing twice.
    /// </summary>
    private async Task NotifyAsync(Idea idea, CancellationToken cancellationToken)
    {
        var key = NoticeKey(idea.Id, idea.Status);
        if (await residents.GetAsync(idea.AuthorResidentId, cancellationToken) is { } author)
        {
            await notifier.NotifyAsync(author, key, language => Notice(idea, language, AuthorText(idea, language)), cancellationToken);
        }

        var supporters = 0;
        foreach (var supporterId in await ideas.ListSupporterIdsAsync(idea.Id, cancellationToken))
        {
            if (supporterId != idea.AuthorResidentId && await residents.GetAsync(supporterId, cancellationToken) is { } supporter)
            {
                await notifier.NotifyAsync(
                    supporter,
                    key,
                    language => Notice(idea, language, Texts.Get(language, "Ideas_NoticeSupporter", idea.Title, StatusName(idea.Status, language))),
                    cancellationToken);
                supporters++;
            }
        }

        LogNotified(idea.Id, idea.Status, supporters);
    }

    private static string AuthorText(Idea idea, Language language) => idea.Status switch
    {
        IdeaStatus.Published => Texts.Get(language, "Ideas_NoticePublished", idea.Title),
        IdeaStatus.Rejected => Texts.Get(language, "Ideas_NoticeRejected", idea.Title, idea.RejectionReason),
        _ => Texts.Get(language, "Ideas_NoticeAuthor", idea.Title, StatusName(idea.Status, language)),
    };

    private static OutboundReply Notice(Idea idea, Language language, string text) =>
        new(text) { Buttons = [[new ReplyButton(Texts.Get(language, "Ideas_Open"), OpenCommand(idea.Id))]] };

    private static string StatusName(IdeaStatus status, Language language) => Texts.Get(language, $"IdeaStatus_{status}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Idea {IdeaId} moved from {From} to {To} by moderator {ModeratorId}")]
    private partial void LogChanged(string ideaId, IdeaStatus from, IdeaStatus to, string moderatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Idea {IdeaId} status {Status} told to the author and {Supporters} supporters")]
    private partial void LogNotified(string ideaId, IdeaStatus status, int supporters);
}
