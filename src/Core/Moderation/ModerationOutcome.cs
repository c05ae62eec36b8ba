namespace Hromada.Core.Moderation;

/// <summary>How a moderation action ended; the dialogs (and later the API) turn it into their answer.</summary>
public enum ModerationOutcome
{
    Done,

    /// <summary>It was so already (a role held, a poll closed, a resident blocked): nothing changed, nothing audited.</summary>
    Unchanged,

    /// <summary>The thing is not there, or not in the state the action needs (a poll no longer open, a role not held).</summary>
    NotFound,

    /// <summary>The actor has no role for it there; the attempt was logged and audited.</summary>
    Refused,

    /// <summary>The target may not be acted on (blocking a moderator or oneself).</summary>
    Protected,
}
