using Hromada.Core.Conversations;
using Hromada.Core.Moderation;

namespace Hromada.Core.Dialogs.Admin;

/// <summary>
/// Reads what the sender may do (kept for the message as a <see cref="ModeratorScope"/>) and refuses
/// politely, in the sender's language, logging and auditing the refusal. Used by <see cref="AdminDialog{TState}"/>.
/// </summary>
public sealed class AdminGuard(ModerationAccess access, AuditTrail audit)
{
    public const string RefusalKey = "Admin_Refused";

    /// <summary>The sender's scope, read once per message and kept in the context.</summary>
    public async Task<ModeratorScope> ScopeAsync(DialogContext context)
    {
        if (context.Loaded<ModeratorScope>() is { } kept)
        {
            return kept;
        }

        var scope = await access.ScopeOfAsync(context.Message.Sender, context.Resident, context.CancellationToken);
        context.Keep(scope);
        return scope;
    }

    /// <param name="attempt">What was refused, such as "/newpoll" or "role.grant".</param>
    /// <param name="communityId">The community it concerned, when one.</param>
    public async Task RefuseAsync(DialogContext context, string attempt, string? communityId, string textKey = RefusalKey)
    {
        var scope = await ScopeAsync(context);
        context.Reply(AdminReplies.WithMenu(context, context.Text(textKey)));
        await audit.RefusedAsync(scope.Actor, attempt, communityId, context.CancellationToken);
    }
}
