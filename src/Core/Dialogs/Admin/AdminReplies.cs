using Hromada.Core.Conversations;
using Hromada.Core.Moderation;

namespace Hromada.Core.Dialogs.Admin;

/// <summary>Replies every admin dialog gives the same way.</summary>
public static class AdminReplies
{
    public static OutboundReply WithMenu(DialogContext context, string text) =>
        new(text) { Buttons = [[new ReplyButton(context.Text("Menu_Button"), "/menu")]] };

    /// <summary>The answer to an action that did not happen (refused, not found, unchanged, protected).</summary>
    public static OutboundReply NotDone(DialogContext context, ModerationOutcome outcome) =>
        WithMenu(context, context.Text(outcome switch
        {
            ModerationOutcome.Refused => AdminGuard.RefusalKey,
            ModerationOutcome.Unchanged => "Admin_Unchanged",
            ModerationOutcome.Protected => "Block_Protected",
            _ => "Admin_NotFound",
        }));
}
