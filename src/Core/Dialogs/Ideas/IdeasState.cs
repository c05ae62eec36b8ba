namespace Hromada.Core.Dialogs.Ideas;

public enum IdeasState
{
    /// <summary>The ranking of public ideas is shown.</summary>
    AwaitingIdea,

    /// <summary>The resident's own ideas are shown.</summary>
    AwaitingOwnIdea,

    /// <summary>One idea is shown, with Support or the rating buttons.</summary>
    AwaitingAction,
    Completed,
    Cancelled,
}
