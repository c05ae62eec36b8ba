namespace Hromada.Core.Dialogs.Polls;

public enum ProposeState
{
    AwaitingQuestion,
    AwaitingOptions,
    AwaitingSphere,
    Completed,
    Cancelled,
}
