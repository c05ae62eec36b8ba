namespace Hromada.Core.Dialogs.Reports;

public enum ReportState
{
    AwaitingCategory,
    AwaitingDescription,
    AwaitingPhotos,
    AwaitingLocation,

    /// <summary>Open reports of the same problem nearby were shown: join one, or file a new one.</summary>
    AwaitingDuplicateChoice,
    AwaitingAnonymity,
    AwaitingConfirmation,
    Completed,
    Cancelled,
}
