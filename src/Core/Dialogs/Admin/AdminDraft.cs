using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;

namespace Hromada.Core.Dialogs.Admin;

/// <summary>What the admin dialogs collect, kept in the stored session so a restart loses none.</summary>
public sealed class AdminDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    public string? CommunityId
    {
        get => _session.Data.GetValueOrDefault("community");
        set => _session.SetData("community", value);
    }

    /// <summary>Ids of the communities found by the moderator's last search, shown as buttons.</summary>
    public IReadOnlyList<string> CommunityMatches
    {
        get => _session.Data.GetValueOrDefault("communityMatches")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        set => _session.SetData("communityMatches", value.Count == 0 ? null : string.Join(',', value));
    }

    public DateTimeOffset? ClosesAt
    {
        get => _session.Data.TryGetValue("closesAt", out var value) ? DateTimeOffset.Parse(value, CultureInfo.InvariantCulture) : null;
        set => _session.SetData("closesAt", value?.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>The resident the action is about (whom to grant a role, to block…).</summary>
    public string? ResidentId
    {
        get => _session.Data.GetValueOrDefault("resident");
        set => _session.SetData("resident", value);
    }

    public Role? Role
    {
        get => Enum.TryParse<Role>(_session.Data.GetValueOrDefault("role"), out var role) ? role : null;
        set => _session.SetData("role", value?.ToString());
    }

    /// <summary>Why a moderator rejects something; it is sent to the author.</summary>
    public string? Reason
    {
        get => _session.Data.GetValueOrDefault("reason");
        set => _session.SetData("reason", value);
    }

    /// <summary>Which of a dialog's commands started it, for a dialog that serves two (/block and /unblock).</summary>
    public string? Command
    {
        get => _session.Data.GetValueOrDefault("command");
        set => _session.SetData("command", value);
    }
}
