using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Forget.ForgetState;

namespace Hromada.Core.Dialogs.Forget;

/// <summary>
/// /forget: after a confirmation, each area lets go of the resident's data (<see cref="IPersonalDataSection.ForgetAsync"/>),
/// then the engine deletes the resident.
/// </summary>
public sealed class ForgetDialog(IEnumerable<IPersonalDataSection> sections) : Dialog<ForgetState>
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
        machine.Configure(Completed).OnEntryAsync(async () =>
        {
            foreach (var section in sections)
            {
                await section.ForgetAsync(context.Resident!, context.CancellationToken);
            }

            context.ForgetResident();
        });
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
