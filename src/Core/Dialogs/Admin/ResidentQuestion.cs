using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;

namespace Hromada.Core.Dialogs.Admin;

/// <summary>
/// "Who?" for admin dialogs: a resident named by an identity key such as "telegram:123456789" or by a
/// verified phone number. The store is read before the machine runs (<see cref="LoadAsync"/>).
/// </summary>
public sealed class ResidentQuestion(ResidentLookup lookup, IResidentStore residents, CommunityDirectory communities)
{
    /// <summary>
    /// Keeps the resident named now (when <paramref name="typed"/> is given: the answer being read)
    /// or the one chosen before, as a <see cref="TargetResident"/>.
    /// </summary>
    public async Task LoadAsync(DialogContext context, AdminDraft draft, string? typed)
    {
        var resident = !string.IsNullOrWhiteSpace(typed) ? await lookup.FindAsync(typed.Trim(), context.CancellationToken)
            : draft.ResidentId is { } id ? await residents.GetAsync(id, context.CancellationToken)
            : null;
        if (resident is not null)
        {
            context.Keep(new TargetResident(resident));
        }
    }

    public static OutboundReply Ask(DialogContext context, string textKey) => new(context.Text(textKey));

    public static bool Take(DialogContext context, AdminDraft draft)
    {
        if (Target(context) is not { } target)
        {
            context.Problem = context.Text("Problem_ResidentNotFound");
            return false;
        }

        draft.ResidentId = target.Id;
        return true;
    }

    public static Resident? Target(DialogContext context) => context.Loaded<TargetResident>()?.Resident;

    /// <summary>How a moderator sees the resident: their name and community.</summary>
    public string Describe(DialogContext context, Resident resident) =>
        $"{resident.Name} ({CommunityName(context, resident.CommunityId ?? Community.NationalId)})";

    public string CommunityName(DialogContext context, string communityId) =>
        communities.Find(communityId) is { } community ? CommunityDirectory.NameOf(community, context.Language) : communityId;
}

/// <summary>The resident an admin dialog is about, as loaded for this message.</summary>
public sealed record TargetResident(Resident Resident);

/// <summary>How the action of an admin dialog ended, kept for the closing words.</summary>
public sealed record ActionResult(ModerationOutcome Outcome);
