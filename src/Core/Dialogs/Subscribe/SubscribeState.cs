namespace Hromada.Core.Dialogs.Subscribe;

public enum SubscribeState
{
    /// <summary>The current settings are shown: which to change, or done.</summary>
    AwaitingSetting,
    AwaitingSpheres,
    AwaitingCommunities,
    AwaitingDelivery,
    AwaitingQuietHours,
    Completed,
    Cancelled,
}
