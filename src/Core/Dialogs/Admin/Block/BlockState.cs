namespace Hromada.Core.Dialogs.Admin.Block;

public enum BlockState
{
    AwaitingResident,
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
