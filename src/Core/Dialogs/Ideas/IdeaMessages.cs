using System.Text;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Ideas;
using Hromada.Core.Localization;

namespace Hromada.Core.Dialogs.Ideas;

/// <summary>How an idea reads in a message, in the resident's language.</summary>
public sealed class IdeaMessages(CommunityDirectory communities)
{
    public string Place(DialogContext context, string communityId) =>
        communities.Find(communityId) is { } community ? CommunityDirectory.NameOf(community, context.Language) : communityId;

    /// <summary>The title, the description, where, the sphere, the status, and the support it has.</summary>
    public string Describe(DialogContext context, Idea idea, IdeaTally tally)
    {
        var text = new StringBuilder(context.Text(
            "Ideas_View",
            idea.Title,
            idea.Text,
            context.Text($"Sphere_{idea.Sphere}"),
            Place(context, idea.CommunityId),
            Status(context, idea.Status),
            tally.Supporters));
        text.Append('\n').Append(tally.AverageRating is { } average
            ? context.Text("Ideas_Average", average.ToString("0.0", Texts.Culture(context.Language)), tally.Ratings)
            : context.Text("Ideas_NoRatings"));
        if (idea.RejectionReason is { } reason)
        {
            text.Append('\n').Append(context.Text("Ideas_RejectionReason", reason));
        }

        return text.ToString();
    }

    public static string Status(DialogContext context, IdeaStatus status) => context.Text($"IdeaStatus_{status}");

    /// <summary>Refuses input the step does not expect; returns false for a step's guard.</summary>
    public static bool Unexpected(DialogContext context)
    {
        context.Problem = context.Text("Problem_UnexpectedInput");
        return false;
    }
}
