namespace Hromada.Core.Dialogs.Ideas;

public enum IdeaState
{
    AwaitingTitle,
    AwaitingText,
    AwaitingSphere,
    AwaitingPhoto,
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
