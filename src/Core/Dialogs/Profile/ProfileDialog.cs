using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Spheres;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Profile.ProfileState;

namespace Hromada.Core.Dialogs.Profile;

/// <summary>/profile: shows the profile and changes one field at a time, each saved as soon as it is answered.</summary>
public sealed class ProfileDialog(ProfileQuestions questions, CommunityDirectory communities) : Dialog<ProfileState>
{
    private const string FieldPrefix = "field:";

    public override string Name => "profile";

    public override IReadOnlyList<string> Commands => ["/profile"];

    protected override ProfileState FirstState => AwaitingField;

    public override Task StartAsync(DialogContext context)
    {
        new ProfileDraft(context.Session).LoadFrom(context.Resident!);
        return base.StartAsync(context);
    }

    protected override void Configure(StateMachine<ProfileState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new ProfileDraft(context.Session);
        var chosen = context.Message.ButtonData;

        machine.Configure(AwaitingField)
            .PermitIf(OptionChosen, AwaitingName, () => chosen == FieldPrefix + "name")
            .PermitIf(OptionChosen, AwaitingCommunity, () => chosen == FieldPrefix + "community")
            .PermitIf(OptionChosen, AwaitingSpheres, () => chosen == FieldPrefix + "spheres")
            .PermitIf(OptionChosen, AwaitingPhone, () => chosen == FieldPrefix + "phone")
            .PermitIf(OptionChosen, AwaitingBirthYear, () => chosen == FieldPrefix + "birthYear")
            .PermitIf(OptionChosen, AwaitingGender, () => chosen == FieldPrefix + "gender")
            .PermitIf(OptionChosen, Completed, () => chosen == ProfileQuestions.Done);

        var name = machine.Configure(AwaitingName).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(name, TextReceived, AwaitingField, () => ProfileQuestions.TakeName(context, draft));
        Step(name, OptionChosen, AwaitingField, () => ProfileQuestions.TakeName(context, draft));

        var community = machine.Configure(AwaitingCommunity).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(community, TextReceived, AwaitingField, () => questions.TakeCommunity(context, draft));
        Step(community, OptionChosen, AwaitingField, () => questions.TakeCommunity(context, draft));

        var spheres = machine.Configure(AwaitingSpheres).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(spheres, OptionChosen, AwaitingField, () => ProfileQuestions.TakeSpheres(context, draft));

        var phone = machine.Configure(AwaitingPhone).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(phone, ContactReceived, AwaitingField, () => ProfileQuestions.TakePhone(context, draft));
        Step(phone, OptionChosen, AwaitingField, () => ProfileQuestions.TakePhone(context, draft));
        Step(phone, TextReceived, AwaitingField, () => ProfileQuestions.TakePhone(context, draft));

        var birthYear = machine.Configure(AwaitingBirthYear).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(birthYear, TextReceived, AwaitingField, () => ProfileQuestions.TakeBirthYear(context, draft));
        Step(birthYear, OptionChosen, AwaitingField, () => ProfileQuestions.TakeBirthYear(context, draft));

        var gender = machine.Configure(AwaitingGender).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(gender, OptionChosen, AwaitingField, () => ProfileQuestions.TakeGender(context, draft));
    }

    protected override OutboundReply? Ask(ProfileState state, DialogContext context)
    {
        var draft = new ProfileDraft(context.Session);
        return state switch
        {
            AwaitingField => new OutboundReply(Summary(context, draft))
            {
                Buttons =
                [
                    [Field(context, "name"), Field(context, "community")],
                    [Field(context, "spheres"), Field(context, "phone")],
                    [Field(context, "birthYear"), Field(context, "gender")],
                    [new ReplyButton(context.Text("Menu_Language"), "/language"), new ReplyButton(context.Text("Profile_Finish"), ProfileQuestions.Done)],
                ],
            },
            AwaitingName => ProfileQuestions.AskName(context),
            AwaitingCommunity => questions.AskCommunity(context, draft),
            AwaitingSpheres => ProfileQuestions.AskSpheres(context, draft),
            AwaitingPhone => ProfileQuestions.AskPhone(context),
            AwaitingBirthYear => ProfileQuestions.AskBirthYear(context),
            AwaitingGender => ProfileQuestions.AskGender(context),
            Completed => MenuDialog.Menu(context, context.Text("Profile_Saved")),
            _ => null,
        };
    }

    /// <summary>Stores an answered question on the resident; a question asked again (refused input, a toggled sphere) stores nothing yet.</summary>
    private static void SaveUnlessAskedAgain(
        StateMachine<ProfileState, DialogTrigger>.Transition transition, DialogContext context, ProfileDraft draft)
    {
        if (transition.IsReentry)
        {
            return;
        }

        var resident = context.Resident!;
        resident.Phone = draft.Phone;
        resident.PhoneVerified = draft.PhoneVerified;
        resident.Name = draft.Name;
        resident.CommunityId = draft.CommunityId;
        resident.Spheres = [.. draft.Spheres];
        resident.BirthYear = draft.BirthYear;
        resident.Gender = draft.Gender;
        context.SaveResident(resident);
    }

    private string Summary(DialogContext context, ProfileDraft draft)
    {
        var community = draft.CommunityId is { } id && communities.Find(id) is { } found
            ? CommunityDirectory.NameOf(found, context.Language)
            : "—";
        var spheres = string.Join(", ", draft.Spheres.Where(Sphere.Exists).Select(sphere => context.Text($"Sphere_{sphere}")));
        var notGiven = context.Text("Profile_NoPhone");
        return context.Text(
            "Profile_Summary",
            draft.Name,
            community,
            spheres,
            draft.Phone ?? notGiven,
            draft.BirthYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? notGiven,
            draft.Gender is { } gender ? context.Text($"Gender_{gender}") : notGiven);
    }

    private static ReplyButton Field(DialogContext context, string field) =>
        new(context.Text($"Profile_Field_{field}"), FieldPrefix + field);
}
