using Hromada.Core.Communities;
using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.Admin;

/// <summary>
/// "Which community?" for admin dialogs: the onboarding's search by part of a name, limited to the
/// communities the moderator may act in (null: all). A moderator of a few communities gets them as buttons at once.
/// </summary>
public sealed class CommunityQuestion(CommunityDirectory communities)
{
    public const string Prefix = "community:";
    private const int MaxButtons = 8;

    public OutboundReply Ask(DialogContext context, string textKey, IReadOnlyList<string>? allowed, AdminDraft draft)
    {
        var matches = draft.CommunityMatches;
        var offered = matches.Count > 0 ? matches
            : allowed is { Count: <= MaxButtons } ? allowed
            : [.. new[] { context.Resident?.CommunityId, Community.NationalId }.OfType<string>().Distinct().Where(id => Allowed(allowed, id))];
        return new OutboundReply(context.Text(matches.Count > 0 ? "Admin_ChooseCommunity" : textKey))
        {
            Buttons = [.. offered.Select(communities.Find).OfType<Community>()
                .Select(community => (IReadOnlyList<ReplyButton>)[new ReplyButton(CommunityDirectory.NameOf(community, context.Language), Prefix + community.Id)])],
        };
    }

    /// <summary>A pressed community is taken when allowed; typed text is searched and the question asked again with the matches.</summary>
    public bool Take(DialogContext context, IReadOnlyList<string>? allowed, AdminDraft draft)
    {
        if (context.Message.ButtonData is { } data)
        {
            var chosen = data.StartsWith(Prefix, StringComparison.Ordinal) ? communities.Find(data[Prefix.Length..]) : null;
            if (chosen is null || !Allowed(allowed, chosen.Id))
            {
                context.Problem = context.Text(chosen is null ? "Problem_CommunityUnknown" : "Problem_CommunityNotYours");
                return false;
            }

            draft.CommunityId = chosen.Id;
            draft.CommunityMatches = [];
            return true;
        }

        var matches = Search(context.Message.Text ?? "", allowed, MaxButtons);
        draft.CommunityMatches = [.. matches.Select(community => community.Id)];
        if (matches.Count == 0)
        {
            context.Problem = context.Text("Problem_CommunityNotFound");
        }

        return false;
    }

    /// <summary>
    /// The one community a one-line command names, by id or by an unambiguous part of its name; null
    /// otherwise. Any community: whether the moderator may act there is the action's to say (and audit).
    /// </summary>
    public Community? Resolve(string typed)
    {
        var matches = communities.Find(typed.Trim().ToLowerInvariant()) is { } byId ? [byId] : Search(typed, null, 2);
        return matches.Count == 1 ? matches[0] : null;
    }

    private IReadOnlyList<Community> Search(string typed, IReadOnlyList<string>? allowed, int limit) =>
        [.. communities.Search(typed, int.MaxValue).Where(community => Allowed(allowed, community.Id)).Take(limit)];

    private static bool Allowed(IReadOnlyList<string>? allowed, string communityId) => allowed is null || allowed.Contains(communityId);
}
