using Stateless;

namespace Hromada.Core.Conversations;

/// <summary>
/// A dialog driven by a Stateless machine whose state lives in the stored session (external state).
/// <typeparamref name="TState"/> holds <c>Awaiting…</c> states plus <c>Completed</c> and <c>Cancelled</c>;
/// entering an awaiting state asks its question, re-entering it asks again after <see cref="DialogContext.Problem"/>.
/// </summary>
public abstract class Dialog<TState> : IDialog
    where TState : struct, Enum
{
    private static readonly TState Completed = Enum.Parse<TState>("Completed");
    private static readonly TState Cancelled = Enum.Parse<TState>("Cancelled");

    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Commands { get; }

    public virtual bool OpenToUnregistered => false;

    public virtual bool OpenToBlocked => false;

    protected abstract TState FirstState { get; }

    /// <summary>Configures the transitions and guards; the questions come from <see cref="Ask"/>.</summary>
    protected abstract void Configure(StateMachine<TState, DialogTrigger> machine, DialogContext context);

    /// <summary>The question of an awaiting state, or the closing words of Completed and Cancelled (null for none).</summary>
    protected abstract OutboundReply? Ask(TState state, DialogContext context);

    public virtual async Task StartAsync(DialogContext context)
    {
        context.Session.Dialog = Name;
        context.Session.State = FirstState.ToString();
        await LoadAsync(context);
        AskWithProblem(FirstState, context);
        LeaveWhenFinished(context);
    }

    public virtual async Task ContinueAsync(DialogContext context)
    {
        await LoadAsync(context);
        var machine = Build(context);
        await machine.FireAsync(TriggerFor(context.Message));
        LeaveWhenFinished(context);
    }

    /// <summary>
    /// Reads from the stores what this message's guards and questions need, which run synchronously,
    /// and keeps it with <see cref="DialogContext.Keep{T}"/>. Runs before the machine, in the state the
    /// session is in.
    /// </summary>
    protected virtual Task LoadAsync(DialogContext context) => Task.CompletedTask;

    /// <summary>The Mermaid graph of the dialog, for documentation.</summary>
    public string ToMermaidGraph(DialogContext context) =>
        Stateless.Graph.MermaidGraph.Format(Build(context).GetInfo());

    /// <summary>
    /// A step that moves on when <paramref name="accept"/> takes the input and asks again otherwise.
    /// The dialog builds its machine anew for each message, so the input is taken once per message.
    /// </summary>
    protected static void Step(
        StateMachine<TState, DialogTrigger>.StateConfiguration state,
        DialogTrigger trigger,
        TState next,
        Func<bool> accept)
    {
        // Stateless evaluates both guards; the input must be taken (and validated) once.
        var accepted = new Lazy<bool>(accept);
        state.PermitIf(trigger, next, () => accepted.Value).PermitReentryIf(trigger, () => !accepted.Value);
    }

    private StateMachine<TState, DialogTrigger> Build(DialogContext context)
    {
        var machine = new StateMachine<TState, DialogTrigger>(
            () => Enum.Parse<TState>(context.Session.State!),
            state => context.Session.State = state.ToString());
        Configure(machine, context);
        foreach (var state in Enum.GetValues<TState>())
        {
            machine.Configure(state).OnEntry(() => AskWithProblem(state, context));
        }

        // Input the current step does not expect: say so and ask the same question again.
        machine.OnUnhandledTrigger((state, _) =>
        {
            context.Problem ??= context.Text("Problem_UnexpectedInput");
            AskWithProblem(state, context);
        });
        return machine;
    }

    /// <summary>Asks the question, led by the reason the last answer was refused, if it was.</summary>
    private void AskWithProblem(TState state, DialogContext context)
    {
        var reply = Ask(state, context);
        if (reply is not null)
        {
            context.Reply(context.Problem is null ? reply : reply with { Text = $"{context.Problem}\n\n{reply.Text}" });
        }

        context.Problem = null;
    }

    private static DialogTrigger TriggerFor(InboundMessage message) => message switch
    {
        { ButtonData: "confirm" } => DialogTrigger.Confirmed,
        { ButtonData: not null } => DialogTrigger.OptionChosen,
        { Contact: not null } => DialogTrigger.ContactReceived,
        { Location: not null } => DialogTrigger.LocationReceived,
        { PhotoId: not null } => DialogTrigger.PhotoReceived,
        _ => DialogTrigger.TextReceived,
    };

    private static void LeaveWhenFinished(DialogContext context)
    {
        var state = Enum.Parse<TState>(context.Session.State!);
        if (state.Equals(Completed) || state.Equals(Cancelled))
        {
            context.Session.Leave();
        }
    }
}
