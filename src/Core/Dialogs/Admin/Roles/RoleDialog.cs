using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;

namespace Hromada.Core.Dialogs.Admin.Roles;

/// <summary>
/// What /grant and /revoke share: only those who may grant some role get in; the wizard's first
/// question is who (<see cref="ResidentQuestion"/>); the one-line form names the resident first and
/// the community last (its name may hold spaces), with the dialog's own words between.
/// </summary>
public abstract class RoleDialog<TState>(AdminGuard guard, ResidentLookup lookup, ResidentQuestion who, CommunityQuestion where)
    : AdminDialog<TState>(guard)
    where TState : struct, Enum
{
    protected ResidentQuestion Who { get; } = who;

    protected CommunityQuestion Where { get; } = where;

    /// <summary>How many words the one-line form takes, the resident and the community included.</summary>
    protected abstract int OneLineWords { get; }

    protected abstract string UsageKey { get; }

    protected sealed override bool Admits(ModeratorScope scope) => scope.MayGrantAny;

    protected sealed override async Task BeginAsync(DialogContext context)
    {
        if (Argument(context) is not { Length: > 0 } line)
        {
            await base.BeginAsync(context);
            return;
        }

        var words = line.Split(' ', OneLineWords, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var complete = words.Length == OneLineWords;
        string[] between = complete ? words[1..^1] : [];
        var target = complete ? await lookup.FindAsync(words[0], context.CancellationToken) : null;
        var community = complete ? Where.Resolve(words[^1]) : null;
        var problem = !complete ? null
            : target is null ? "Problem_ResidentNotFound"
            : ProblemBetween(between) ?? (community is null ? "Problem_CommunityNotFound" : null);
        if (problem is not null || target is null || community is null)
        {
            context.Reply(AdminReplies.Usage(context, problem, UsageKey));
            return;
        }

        context.Reply(await ActAsync(context, target, between, community));
    }

    /// <summary>What is wrong with the one-line form's words between the resident and the community (a text key), or null.</summary>
    protected virtual string? ProblemBetween(IReadOnlyList<string> between) => null;

    /// <summary>Acts on a well-formed one-line form and answers.</summary>
    protected abstract Task<OutboundReply> ActAsync(DialogContext context, Resident target, IReadOnlyList<string> between, Community community);

    /// <summary>Reads the resident being named while the first question (who) is answered, else the one named before.</summary>
    protected override Task LoadAsync(DialogContext context) =>
        Who.LoadAsync(context, new AdminDraft(context.Session), context.Session.State == FirstState.ToString() ? Answer(context) : null);

    /// <summary>The closing words: the <paramref name="doneKey"/> text when the action was done, else why it was not.</summary>
    protected static OutboundReply Result(DialogContext context, ModerationOutcome outcome, string doneKey, params object?[] args) =>
        outcome == ModerationOutcome.Done ? AdminReplies.WithMenu(context, context.Text(doneKey, args)) : AdminReplies.NotDone(context, outcome);
}
