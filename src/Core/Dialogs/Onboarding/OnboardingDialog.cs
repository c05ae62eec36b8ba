using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Residents;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Onboarding.OnboardingState;

namespace Hromada.Core.Dialogs.Onboarding;

/// <summary>/start: consent to the rules and privacy notice, name, community, spheres, optional phone.</summary>
public sealed class OnboardingDialog(ProfileQuestions questions) : Dialog<OnboardingState>
{
    public const string Agree = "consent:yes";
    public const string Decline = "consent:no";

    public override string Name => "onboarding";

    public override IReadOnlyList<string> Commands => ["/start"];

    public override bool OpenToUnregistered => true;

    protected override OnboardingState FirstState => AwaitingConsent;

    /// <summary>A registered resident's /start goes straight to the menu.</summary>
    public override Task StartAsync(DialogContext context)
    {
        if (context.Resident is { IsRegistered: true } resident)
        {
            context.Reply(MenuDialog.Menu(context, context.Text("Onboarding_WelcomeBack", resident.Name)));
            return Task.CompletedTask;
        }

        return base.StartAsync(context);
    }

    protected override void Configure(StateMachine<OnboardingState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new ProfileDraft(context.Session);

        machine.Configure(AwaitingConsent)
            .PermitIf(OptionChosen, AwaitingName, () => context.Message.ButtonData == Agree)
            .PermitIf(OptionChosen, Cancelled, () => context.Message.ButtonData == Decline)
            .OnExit(transition =>
            {
                if (transition.Destination == AwaitingName)
                {
                    draft.ConsentedAt = context.Now;
                }
            });

        var name = machine.Configure(AwaitingName);
        Step(name, TextReceived, AwaitingCommunity, () => ProfileQuestions.TakeName(context, draft));
        Step(name, OptionChosen, AwaitingCommunity, () => ProfileQuestions.TakeName(context, draft));

        var community = machine.Configure(AwaitingCommunity);
        Step(community, TextReceived, AwaitingSpheres, () => questions.TakeCommunity(context, draft));
        Step(community, OptionChosen, AwaitingSpheres, () => questions.TakeCommunity(context, draft));

        Step(machine.Configure(AwaitingSpheres), OptionChosen, AwaitingPhone, () => ProfileQuestions.TakeSpheres(context, draft));

        var phone = machine.Configure(AwaitingPhone);
        Step(phone, ContactReceived, Completed, () => ProfileQuestions.TakePhone(context, draft));
        Step(phone, OptionChosen, Completed, () => ProfileQuestions.TakePhone(context, draft));
        Step(phone, TextReceived, Completed, () => ProfileQuestions.TakePhone(context, draft));

        machine.Configure(Completed).OnEntry(() => Register(context, draft));
    }

    protected override OutboundReply? Ask(OnboardingState state, DialogContext context)
    {
        var draft = new ProfileDraft(context.Session);
        return state switch
        {
            AwaitingConsent => new OutboundReply(context.Text("Onboarding_Consent"))
            {
                Buttons = [[new ReplyButton(context.Text("Onboarding_Agree"), Agree)], [new ReplyButton(context.Text("Onboarding_Decline"), Decline)]],
            },
            AwaitingName => ProfileQuestions.AskName(context),
            AwaitingCommunity => questions.AskCommunity(context, draft),
            AwaitingSpheres => ProfileQuestions.AskSpheres(context, draft),
            AwaitingPhone => ProfileQuestions.AskPhone(context),
            Completed => MenuDialog.Menu(context, context.Text("Onboarding_Completed", draft.Name)),
            Cancelled => new OutboundReply(context.Text("Onboarding_Declined")),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };
    }

    private static void Register(DialogContext context, ProfileDraft draft)
    {
        var message = context.Message;
        var resident = context.Resident ?? new Resident
        {
            Id = Guid.NewGuid().ToString("N"),
            CreatedAt = context.Now,
            Identities = [new ChannelIdentity(message.Channel, message.PlatformUserId, message.ChatId)],
        };
        resident.Name = draft.Name;
        resident.CommunityId = draft.CommunityId;
        resident.Spheres = [.. draft.Spheres];
        resident.Phone = draft.Phone;
        resident.PhoneVerified = draft.Phone is not null;
        resident.Language = context.Language;
        resident.ConsentedAt = draft.ConsentedAt;
        resident.RegisteredAt = context.Now;
        context.SaveResident(resident);
    }
}
