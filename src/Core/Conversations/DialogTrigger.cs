namespace Hromada.Core.Conversations;

/// <summary>The one vocabulary of triggers all dialogs share; dialogs differ in states and guards.</summary>
public enum DialogTrigger
{
    TextReceived,
    OptionChosen,
    Confirmed,
    ContactReceived,
    LocationReceived,
    PhotoReceived,
    CancelRequested,
    TimedOut,
}
