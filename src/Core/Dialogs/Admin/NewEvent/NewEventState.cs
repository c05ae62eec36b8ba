namespace Hromada.Core.Dialogs.Admin.NewEvent;

public enum NewEventState
{
    AwaitingTitle,
    AwaitingType,
    AwaitingStart,
    AwaitingPlace,
    AwaitingSpheres,
    AwaitingCommunity,

    /// <summary>The preview: Publish, or /cancel.</summary>
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
