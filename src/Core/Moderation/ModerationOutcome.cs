namespace Hromada.Core.Moderation;

/// <summary>How a moderation action ended; the dialogs and the API turn it into their answer.</summary>
public enum ModerationOutcome
{
    Done,

    /// <summary>It was so already (a role held, a poll closed, a resident blocked): nothing changed, nothing audited.</summary>
    Unchanged,

    /// <summary>
    /// The thing is not there (or hidden, as a blocked resident's proposal), or not in the state a
    /// simple action needs (a poll no longer open to close, a role not held).
    /// </summary>
    NotFound,

    /// <summary>The actor has no role for it there; the attempt was logged and audited.</summary>
    Refused,

    /// <summary>The target may not be acted on (blocking a moderator or oneself).</summary>
    Protected,

    /// <summary>
    /// The thing is there, but its state does not allow the step: a final status, a step back, or
    /// another moderator was first with a different decision. Nothing changed.
    /// </summary>
    NotAllowed,

    /// <summary>The text the step needs (a rejection's reason, a reply) is missing or too long; callers validate it first.</summary>
    Invalid,
}

/// <summary>How a moderator's action on one thing (an idea, a report, a proposal) ended, and the thing.</summary>
/// <param name="Subject">
/// The thing after the action, or as it stands when the action was not possible; null when it was not
/// found, and when the moderator was refused, so nothing of another community is shown.
/// </param>
public sealed record Moderated<T>(ModerationOutcome Outcome, T? Subject)
    where T : class
{
    public bool IsDone => Outcome == ModerationOutcome.Done;
}
