using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Core.Spheres;

namespace Hromada.Core.Dialogs.Profile;

/// <summary>
/// The profile questions (name, community, spheres, phone; birth year and gender, optional and asked
/// only in the profile) and how each takes its answer; shared by onboarding, which asks the first four,
/// and the profile dialog, which asks one at a time.
/// </summary>
public sealed class ProfileQuestions(CommunityDirectory communities)
{
    public const string UseDisplayName = "name:platform";
    public const string CommunityPrefix = "community:";
    public const string SpherePrefix = "sphere:";
    public const string Done = "done";
    public const string Skip = "skip";
    public const string Clear = "clear";
    public const string GenderPrefix = "gender:";
    private const int CommunityButtons = 8;

    private static readonly NameValidator NameRule = new();

    public static OutboundReply AskName(DialogContext context)
    {
        var suggestion = context.Message.DisplayName;
        return new OutboundReply(context.Text("Profile_AskName"))
        {
            Buttons = string.IsNullOrWhiteSpace(suggestion) ? [] : [[new ReplyButton(suggestion, UseDisplayName)]],
        };
    }

    /// <summary>Takes a typed name, or the platform's name when its button was pressed.</summary>
    public static bool TakeName(DialogContext context, ProfileDraft draft)
    {
        var name = context.Message.ButtonData == UseDisplayName ? context.Message.DisplayName : context.Message.Text;
        return context.Accept(NameRule, name?.Trim() ?? "", accepted => draft.Name = accepted);
    }

    public OutboundReply AskCommunity(DialogContext context, ProfileDraft draft)
    {
        var matches = draft.CommunityMatches.Select(communities.Find).OfType<Community>().ToList();
        if (matches.Count == 0)
        {
            return new OutboundReply(context.Text("Profile_AskCommunity"))
            {
                Buttons = [[CommunityButton(context, communities.Find(Community.NationalId)!)]],
            };
        }

        return new OutboundReply(context.Text("Profile_ChooseCommunity"))
        {
            Buttons = matches.Select(community => (IReadOnlyList<ReplyButton>)[CommunityButton(context, community)]).ToList(),
        };
    }

    /// <summary>A typed part of a name is searched (and the question asked again with the matches); a pressed community is taken.</summary>
    public bool TakeCommunity(DialogContext context, ProfileDraft draft)
    {
        if (context.Message.ButtonData is { } data)
        {
            var chosen = data.StartsWith(CommunityPrefix, StringComparison.Ordinal)
                ? communities.Find(data[CommunityPrefix.Length..])
                : null;
            if (chosen is null)
            {
                context.Problem = context.Text("Problem_CommunityUnknown");
                return false;
            }

            draft.CommunityId = chosen.Id;
            draft.CommunityMatches = [];
            return true;
        }

        var matches = communities.Search(context.Message.Text ?? "", CommunityButtons);
        draft.CommunityMatches = matches.Select(community => community.Id).ToList();
        if (matches.Count == 0)
        {
            context.Problem = context.Text("Problem_CommunityNotFound");
        }

        return false;
    }

    public static OutboundReply AskSpheres(DialogContext context, ProfileDraft draft)
    {
        var chosen = draft.Spheres;
        var buttons = Sphere.All
            .Select(id => new ReplyButton(
                (chosen.Contains(id) ? "✅ " : "") + context.Text($"Sphere_{id}"), SpherePrefix + id))
            .Chunk(2)
            .Select(row => (IReadOnlyList<ReplyButton>)row)
            .Append([new ReplyButton(context.Text("Profile_SpheresDone"), Done)])
            .ToList();
        return new OutboundReply(context.Text("Profile_AskSpheres")) { Buttons = buttons };
    }

    /// <summary>A sphere button toggles it (and the question is asked again); Done moves on once one is chosen.</summary>
    public static bool TakeSpheres(DialogContext context, ProfileDraft draft)
    {
        var data = context.Message.ButtonData ?? "";
        if (data == Done)
        {
            if (draft.Spheres.Count > 0)
            {
                return true;
            }

            context.Problem = context.Text("Problem_NoSphere");
            return false;
        }

        var sphere = data.StartsWith(SpherePrefix, StringComparison.Ordinal) ? data[SpherePrefix.Length..] : "";
        if (Sphere.Exists(sphere))
        {
            draft.ToggleSphere(sphere);
        }
        else
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
        }

        return false;
    }

    public static OutboundReply AskPhone(DialogContext context) =>
        new(context.Text("Profile_AskPhone"))
        {
            ContactButtonLabel = context.Text("Profile_ShareContact"),
            Buttons = [[new ReplyButton(context.Text("Profile_SkipPhone"), Skip)]],
        };

    /// <summary>
    /// Takes the resident's shared contact: verified when the platform proves it is theirs, kept
    /// unverified when the platform cannot tell; somebody else's is refused. Skip leaves the phone as it was.
    /// </summary>
    public static bool TakePhone(DialogContext context, ProfileDraft draft)
    {
        // A reply keyboard (where the contact button lives) sends the Skip label as text.
        if (context.Message.ButtonData == Skip || context.Message.Text == context.Text("Profile_SkipPhone"))
        {
            return true;
        }

        if (context.Message.Contact is not { Ownership: not ContactOwnership.SomebodyElses } contact)
        {
            context.Problem = context.Text("Problem_PhoneNotOwn");
            return false;
        }

        draft.Phone = contact.PhoneNumber;
        draft.PhoneVerified = contact.IsSendersOwn;
        return true;
    }

    public static OutboundReply AskBirthYear(DialogContext context) =>
        new(context.Text("Profile_AskBirthYear")) { Buttons = [[new ReplyButton(context.Text("Profile_Clear"), Clear)]] };

    /// <summary>Takes a typed year, or clears the year when the resident would rather not give it.</summary>
    public static bool TakeBirthYear(DialogContext context, ProfileDraft draft)
    {
        if (context.Message.ButtonData == Clear)
        {
            draft.BirthYear = null;
            return true;
        }

        var validator = new BirthYearValidator(context.Now.Year);
        return context.Accept(validator, context.Message.Text ?? "", text => draft.BirthYear = BirthYearValidator.Parse(text));
    }

    public static OutboundReply AskGender(DialogContext context) =>
        new(context.Text("Profile_AskGender"))
        {
            Buttons =
            [
                .. Enum.GetValues<Gender>().Select(gender => (IReadOnlyList<ReplyButton>)[new ReplyButton(context.Text($"Gender_{gender}"), GenderPrefix + gender)]),
                [new ReplyButton(context.Text("Profile_Clear"), Clear)],
            ],
        };

    /// <summary>Takes a pressed gender, or clears it.</summary>
    public static bool TakeGender(DialogContext context, ProfileDraft draft)
    {
        var data = context.Message.ButtonData ?? "";
        if (data == Clear)
        {
            draft.Gender = null;
            return true;
        }

        if (data.StartsWith(GenderPrefix, StringComparison.Ordinal)
            && Enum.TryParse<Gender>(data[GenderPrefix.Length..], out var gender) && Enum.IsDefined(gender))
        {
            draft.Gender = gender;
            return true;
        }

        context.Problem = context.Text("Problem_UnexpectedInput");
        return false;
    }

    private static ReplyButton CommunityButton(DialogContext context, Community community) =>
        new(CommunityDirectory.NameOf(community, context.Language), CommunityPrefix + community.Id);
}
