namespace Hromada.Core.Dialogs.Admin.Broadcast;

public enum CancelBroadcastState
{
    AwaitingBroadcast,
    Completed,
    Cancelled,
}
