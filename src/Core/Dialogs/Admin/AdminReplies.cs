using Hromada.Core.Conversations;
using Hromada.Core.Moderation;

namespace Hromada.Core.Dialogs.Admin;

/// <summary>Replies every admin dialog gives the same way.</summary>
public static class AdminReplies
{
    public static OutboundReply WithMenu(DialogContext context, string text) =>
        new(text) { Buttons = [[new ReplyButton(context.Text("Menu_Button"), "/menu")]] };

    /// <summary>How to use a one-line form, led by what was wrong with the line given (<paramref name="problemKey"/>, when known).</summary>
    public static OutboundReply Usage(DialogContext context, string? problemKey, string usageKey) =>
        WithMenu(context, problemKey is null ? context.Text(usageKey) : $"{context.Text(problemKey)}\n\n{context.Text(usageKey)}");

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
