namespace Hromada.Core.Conversations;

/// <summary>A use case the resident talks through; registered once with <c>AddDialog</c>.</summary>
public interface IDialog
{
    /// <summary>The stored name of the dialog; stable across releases.</summary>
    string Name { get; }

    /// <summary>The commands that start it, such as "/start".</summary>
    IReadOnlyList<string> Commands { get; }

    /// <summary>Whether a resident who has not completed onboarding may use it.</summary>
    bool OpenToUnregistered => false;

    /// <summary>
    /// Whether a blocked resident may still use it: only the personal-data rights (/mydata, /forget),
    /// which a block does not take away; anything else a blocked resident sends gets one refusal.
    /// </summary>
    bool OpenToBlocked => false;

    Task StartAsync(DialogContext context);

    /// <summary>
    /// Handles the next message while the session is in this dialog. A dialog that answers at once
    /// and never stays in the session has nothing to continue.
    /// </summary>
    Task ContinueAsync(DialogContext context) => StartAsync(context);
}
