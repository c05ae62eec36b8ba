namespace Hromada.Core.Dialogs.Forget;

public enum ForgetState
{
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
