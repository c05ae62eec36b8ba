using Hromada.Core.Conversations;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Forget.ForgetState;

namespace Hromada.Core.Dialogs.Forget;

/// <summary>/forget: after a confirmation, delete the resident's personal data.</summary>
public sealed class ForgetDialog : Dialog<ForgetState>
{
    private const string Keep = "keep";

    public override string Name => "forget";

    public override IReadOnlyList<string> Commands => ["/forget"];

    /// <summary>Erasure is a resident's right that a block does not take away.</summary>
    public override bool OpenToBlocked => true;

    protected override ForgetState FirstState => AwaitingConfirmation;

    protected override void Configure(StateMachine<ForgetState, DialogTrigger> machine, DialogContext context)
    {
        machine.Configure(AwaitingConfirmation)
            .Permit(Confirmed, Completed)
            .PermitIf(OptionChosen, Cancelled, () => context.Message.ButtonData == Keep);
        machine.Configure(Completed).OnEntry(context.ForgetResident);
    }

    protected override OutboundReply? Ask(ForgetState state, DialogContext context) => state switch
    {
        AwaitingConfirmation => new OutboundReply(context.Text("Forget_Ask"))
        {
            Buttons = [[new ReplyButton(context.Text("Forget_Confirm"), "confirm")], [new ReplyButton(context.Text("Forget_Keep"), Keep)]],
        },
        Completed => new OutboundReply(context.Text("Forget_Done"))
        {
            Buttons = [[new ReplyButton(context.Text("Help_Start"), "/start")]],
        },
        Cancelled => new OutboundReply(context.Text("Forget_Kept")),
        _ => null,
    };
}
