using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Residents;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Onboarding.OnboardingState;

namespace Hromada.Core.Dialogs.Onboarding;

/// <summary>
/// /start: consent to the rules and privacy notice, name, community, spheres, optional phone. A phone
/// already verified by a resident of another app offers to join that resident instead (as /link does).
/// </summary>
public sealed class OnboardingDialog(ProfileQuestions questions, IResidentStore residents) : Dialog<OnboardingState>
{
    public const string Agree = "consent:yes";
    public const string Decline = "consent:no";
    public const string Join = "join:yes";
    public const string Separate = "join:no";

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

    /// <summary>Looks up the resident who verified the phone being shared (or already shared), if any.</summary>
    protected override async Task LoadAsync(DialogContext context)
    {
        var phone = context.Message.Contact is { IsSendersOwn: true } contact
            ? contact.PhoneNumber
            : new ProfileDraft(context.Session).Phone;
        if (phone is not null && await residents.FindByVerifiedPhoneAsync(phone, context.CancellationToken) is { } known)
        {
            context.Keep(known);
        }
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
        var contactTaken = new Lazy<bool>(() => ProfileQuestions.TakePhone(context, draft));
        phone.PermitIf(ContactReceived, AwaitingJoinDecision, () => contactTaken.Value && KnownResident(context) is not null)
            .PermitIf(ContactReceived, Completed, () => contactTaken.Value && KnownResident(context) is null)
            .PermitReentryIf(ContactReceived, () => !contactTaken.Value);
        Step(phone, OptionChosen, Completed, () => ProfileQuestions.TakePhone(context, draft));
        Step(phone, TextReceived, Completed, () => ProfileQuestions.TakePhone(context, draft));

        machine.Configure(AwaitingJoinDecision)
            .PermitIf(OptionChosen, Completed, () => context.Message.ButtonData is Join or Separate)
            .OnExit(() => draft.JoinKnownResident = context.Message.ButtonData == Join);

        machine.Configure(Completed).OnEntry(() =>
        {
            if (draft.JoinKnownResident && KnownResident(context) is { } known)
            {
                JoinKnown(context, known);
            }
            else
            {
                Register(context, draft);
            }
        });
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
            AwaitingJoinDecision => new OutboundReply(context.Text("Onboarding_PhoneKnown", KnownResident(context)?.Name))
            {
                Buttons = [[new ReplyButton(context.Text("Onboarding_Join"), Join)], [new ReplyButton(context.Text("Onboarding_Separate"), Separate)]],
            },
            Completed when draft.JoinKnownResident => MenuDialog.Menu(context, context.Text("Link_Joined", context.Resident?.Name)),
            Completed => MenuDialog.Menu(context, context.Text("Onboarding_Completed", draft.Name)),
            Cancelled => new OutboundReply(context.Text("Onboarding_Declined")),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };
    }

    /// <summary>The other resident whose verified phone was shared here; never the one being registered.</summary>
    private static Resident? KnownResident(DialogContext context) =>
        context.Loaded<Resident>() is { } known && known.Id != context.Resident?.Id ? known : null;

    private static void JoinKnown(DialogContext context, Resident known)
    {
        var message = context.Message;
        known.Identities.Add(new ChannelIdentity(message.Channel, message.PlatformUserId, message.ChatId));
        context.Language = known.Language;
        context.SaveResident(known);
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
        resident.PhoneVerified = draft.PhoneVerified;
        resident.Language = context.Language;
        resident.ConsentedAt = draft.ConsentedAt;
        resident.RegisteredAt = context.Now;
        context.SaveResident(resident);
    }
}
