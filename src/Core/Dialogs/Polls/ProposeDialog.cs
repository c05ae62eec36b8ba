using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Polls;
using Hromada.Core.Spheres;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Polls.ProposeState;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>
/// /propose: a resident drafts a poll for their community (question, options, sphere); it is stored
/// as a proposal that waits for moderation.
/// </summary>
public sealed class ProposeDialog(IPollStore polls) : Dialog<ProposeState>
{
    public const string Done = "done";
    public const string SpherePrefix = "sphere:";

    private static readonly QuestionValidator QuestionRule = new();
    private static readonly OptionsValidator OptionsSoFarRule = new(complete: false);
    private static readonly OptionsValidator OptionsRule = new();

    public override string Name => "propose";

    public override IReadOnlyList<string> Commands => ["/propose"];

    protected override ProposeState FirstState => AwaitingQuestion;

    protected override void Configure(StateMachine<ProposeState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new PollDraft(context.Session);

        Step(machine.Configure(AwaitingQuestion), TextReceived, AwaitingOptions,
            () => context.Accept(QuestionRule, context.Message.Text?.Trim() ?? "", question => draft.Question = question));

        // Typed options are added and the question asked again, listing them; Done moves on.
        var added = new Lazy<bool>(() => AddOptions(context, draft));
        var options = machine.Configure(AwaitingOptions).PermitReentryIf(TextReceived, () => added.Value);
        Step(options, OptionChosen, AwaitingSphere, () => context.Message.ButtonData == Done
            ? context.Accept(OptionsRule, draft.Options, _ => { })
            : Unexpected(context));

        Step(machine.Configure(AwaitingSphere), OptionChosen, Completed, () => TakeSphere(context, draft));

        machine.Configure(Completed).OnEntryAsync(() => ProposeAsync(context, draft));
    }

    protected override OutboundReply? Ask(ProposeState state, DialogContext context)
    {
        var draft = new PollDraft(context.Session);
        return state switch
        {
            AwaitingQuestion => new OutboundReply(context.Text("Propose_AskQuestion")),
            AwaitingOptions => AskOptions(context, draft),
            AwaitingSphere => new OutboundReply(context.Text("Propose_AskSphere"))
            {
                Buttons = [.. Sphere.All
                    .Select(id => new ReplyButton(context.Text($"Sphere_{id}"), SpherePrefix + id))
                    .Chunk(2)],
            },
            Completed => MenuDialog.Menu(context, context.Text("Propose_Sent")),
            _ => null,
        };
    }

    private static OutboundReply AskOptions(DialogContext context, PollDraft draft)
    {
        var options = draft.Options;
        var text = context.Text("Propose_AskOptions", OptionsValidator.MaxCount);
        if (options.Count == 0)
        {
            return new OutboundReply(text);
        }

        var list = string.Join('\n', options.Select((option, index) => $"{index + 1}. {option}"));
        return new OutboundReply($"{context.Text("Propose_OptionsSoFar", list)}\n\n{text}")
        {
            Buttons = [[new ReplyButton(context.Text("Propose_OptionsDone"), Done)]],
        };
    }

    /// <summary>Adds every line of the message as an option, or none of them when one is refused.</summary>
    private static bool AddOptions(DialogContext context, PollDraft draft)
    {
        var all = draft.Options.Concat(PollText.Lines(context.Message.Text ?? "")).ToList();
        context.Accept(OptionsSoFarRule, all, accepted => draft.Options = accepted);
        return true;
    }

    private static bool TakeSphere(DialogContext context, PollDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        var sphere = pressed.StartsWith(SpherePrefix, StringComparison.Ordinal) ? pressed[SpherePrefix.Length..] : "";
        if (!Sphere.Exists(sphere))
        {
            return Unexpected(context);
        }

        draft.Sphere = sphere;
        return true;
    }

    private static bool Unexpected(DialogContext context)
    {
        context.Problem = context.Text("Problem_UnexpectedInput");
        return false;
    }

    private Task ProposeAsync(DialogContext context, PollDraft draft)
    {
        var resident = context.Resident!;
        var poll = new Poll
        {
            Id = Guid.NewGuid().ToString("N"),
            CommunityId = resident.CommunityId ?? Community.NationalId,
            Spheres = [draft.Sphere!],
            Question = draft.Question!,
            Options = draft.Options,
            Status = PollStatus.Proposed,
            AuthorResidentId = resident.Id,
            CreatedAt = context.Now,
        };
        return polls.SaveAsync(poll, context.CancellationToken);
    }
}
