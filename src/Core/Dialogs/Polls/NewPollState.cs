namespace Hromada.Core.Dialogs.Polls;

public enum NewPollState
{
    /// <summary>The question, or the whole poll in one message (question, then one option per line).</summary>
    AwaitingQuestion,
    AwaitingOptions,
    AwaitingType,
    AwaitingMaxChoices,
    AwaitingKind,
    AwaitingHorizon,
    AwaitingSphere,
    AwaitingCommunity,
    AwaitingClosingTime,
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
