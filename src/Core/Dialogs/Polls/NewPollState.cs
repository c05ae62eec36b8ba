namespace Hromada.Core.Dialogs.Polls;

public enum NewPollState
{
    AwaitingPoll,
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
