using Hromada.Core.Conversations;
using Hromada.Core.Residents;

namespace Hromada.Core.Dialogs.Admin.Broadcast;

/// <summary>What /broadcast collects, kept in the stored session; the community is <see cref="AdminDraft.CommunityId"/>.</summary>
public sealed class BroadcastDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    /// <summary>True for all the moderator's communities, false for the one in <see cref="AdminDraft.CommunityId"/>.</summary>
    public bool AllCommunities
    {
        get => _session.Data.GetValueOrDefault("allCommunities") == "true";
        set => _session.SetData("allCommunities", value ? "true" : null);
    }

    public IReadOnlyList<string> Spheres
    {
        get => List("spheres");
        set => SetList("spheres", value);
    }

    public IReadOnlyList<ResidentStatus> Statuses
    {
        get => [.. List("statuses").Select(Enum.Parse<ResidentStatus>)];
        set => SetList("statuses", [.. value.Select(status => status.ToString())]);
    }

    public string? Text
    {
        get => _session.Data.GetValueOrDefault("text");
        set => _session.SetData("text", value);
    }

    public string? PhotoId
    {
        get => _session.Data.GetValueOrDefault("photo");
        set => _session.SetData("photo", value);
    }

    /// <summary>The id the broadcast is stored under, given at the preview so a repeated confirm stores it once.</summary>
    public string? BroadcastId
    {
        get => _session.Data.GetValueOrDefault("broadcast");
        set => _session.SetData("broadcast", value);
    }

    private string[] List(string key) =>
        _session.Data.GetValueOrDefault(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private void SetList(string key, IReadOnlyList<string> values) =>
        _session.SetData(key, values.Count == 0 ? null : string.Join(',', values));
}
