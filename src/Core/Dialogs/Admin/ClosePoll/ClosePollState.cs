namespace Hromada.Core.Dialogs.Admin.ClosePoll;

public enum ClosePollState
{
    AwaitingPoll,
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
