namespace Hromada.Core.Dialogs.Admin.Issues;

public enum IssuesState
{
    AwaitingReport,
    AwaitingAction,

    /// <summary>Rejecting: the reason, sent to the residents following the report.</summary>
    AwaitingReason,

    /// <summary>Answering: the text, sent to the residents following the report.</summary>
    AwaitingReply,
    Completed,
    Cancelled,
}
