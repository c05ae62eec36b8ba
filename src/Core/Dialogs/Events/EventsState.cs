namespace Hromada.Core.Dialogs.Events;

public enum EventsState
{
    AwaitingEvent,

    /// <summary>An event is shown: going, not going, its calendar file, or back to the list.</summary>
    AwaitingAnswer,
    Completed,
    Cancelled,
}
