namespace Hromada.Core.Dialogs.Polls;

public enum PollsState
{
    AwaitingPoll,
    AwaitingChoice,
    Completed,
    Cancelled,
}
