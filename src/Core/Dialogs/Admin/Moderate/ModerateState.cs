namespace Hromada.Core.Dialogs.Admin.Moderate;

public enum ModerateState
{
    AwaitingProposal,
    AwaitingDecision,

    /// <summary>Approving: until when the poll is open.</summary>
    AwaitingClosingTime,

    /// <summary>Rejecting: the reason, sent to the author.</summary>
    AwaitingReason,
    Completed,
    Cancelled,
}
