namespace Hromada.Core.Dialogs.Admin.Broadcast;

public enum BroadcastState
{
    AwaitingAudience,
    AwaitingCommunity,
    AwaitingSpheres,
    AwaitingStatuses,
    AwaitingText,
    AwaitingPhoto,
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
