using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Stateless;

namespace Hromada.Core.Dialogs.Admin;

/// <summary>
/// The base of every admin dialog: on each message, before anything else, it reads the sender's
/// <see cref="ModeratorScope"/> and lets in only those <see cref="Admits"/> accepts; anybody else
/// gets a polite refusal, logged and audited, and the dialog ends. So a role revoked mid-dialog stops
/// at the next message, and no dialog repeats the check. Steps read the scope with <see cref="Scope"/>.
/// </summary>
public abstract class AdminDialog<TState>(AdminGuard guard) : Dialog<TState>
    where TState : struct, Enum
{
    private readonly AdminGuard _guard = guard;

    /// <summary>The text a refused sender gets; a dialog may point them somewhere useful instead.</summary>
    protected virtual string RefusalKey => AdminGuard.RefusalKey;

    /// <summary>Who may use the dialog at all; by default any moderator of any community.</summary>
    protected virtual bool Admits(ModeratorScope scope) => scope.IsModerator;

    public sealed override async Task StartAsync(DialogContext context)
    {
        if (await AdmitAsync(context))
        {
            await BeginAsync(context);
        }
    }

    public sealed override async Task ContinueAsync(DialogContext context)
    {
        if (await AdmitAsync(context))
        {
            await base.ContinueAsync(context);
        }
    }

    /// <summary>Starts an admitted sender's dialog; by default asks the first question.</summary>
    protected virtual Task BeginAsync(DialogContext context) => base.StartAsync(context);

    /// <summary>For the one-line forms: the text after the command is taken as the answer to the first question.</summary>
    protected Task AnswerFirstQuestionAsync(DialogContext context)
    {
        context.Session.Dialog = Name;
        context.Session.State = FirstState.ToString();
        return base.ContinueAsync(context);
    }

    /// <summary>The text after the command that started the dialog ("" for none).</summary>
    protected static string Argument(DialogContext context) => BotCommand.From(context.Message)?.Argument ?? "";

    /// <summary>The typed answer: the message's text, or the text after the command in a one-line form.</summary>
    protected static string Answer(DialogContext context) => BotCommand.From(context.Message)?.Argument ?? context.Message.Text ?? "";

    protected static ModeratorScope Scope(DialogContext context) =>
        context.Loaded<ModeratorScope>() ?? throw new InvalidOperationException("The scope is read before the dialog runs.");

    /// <summary>
    /// A step with several ways on: <paramref name="take"/> reads the input once and names the next
    /// state, or null to ask again (with <see cref="DialogContext.Problem"/> set).
    /// </summary>
    protected static void Fork(
        StateMachine<TState, DialogTrigger>.StateConfiguration state,
        DialogTrigger trigger,
        Func<TState?> take,
        params TState[] destinations)
    {
        var next = new Lazy<TState?>(take);
        foreach (var destination in destinations)
        {
            state.PermitIf(trigger, destination, () => next.Value is { } chosen && chosen.Equals(destination));
        }

        state.PermitReentryIf(trigger, () => next.Value is null);
    }

    private async Task<bool> AdmitAsync(DialogContext context)
    {
        if (Admits(await _guard.ScopeAsync(context)))
        {
            return true;
        }

        context.Session.Leave();
        await _guard.RefuseAsync(context, BotCommand.From(context.Message)?.Name ?? Commands[0], null, RefusalKey);
        return false;
    }
}
