using Hromada.Core.Conversations;
using Hromada.Core.Residents;

namespace Hromada.Core.Dialogs.Profile;

/// <summary>The profile answers collected so far, kept in the stored session so a restart loses none.</summary>
public sealed class ProfileDraft(ConversationSession session)
{
    private readonly Dictionary<string, string> _data = session.Data;

    public string? Name
    {
        get => _data.GetValueOrDefault("name");
        set => Set("name", value);
    }

    public string? CommunityId
    {
        get => _data.GetValueOrDefault("community");
        set => Set("community", value);
    }

    /// <summary>Ids of the communities found by the resident's last search, shown as buttons.</summary>
    public IReadOnlyList<string> CommunityMatches
    {
        get => List("communityMatches");
        set => Set("communityMatches", string.Join(',', value));
    }

    public IReadOnlyList<string> Spheres
    {
        get => List("spheres");
        set => Set("spheres", string.Join(',', value));
    }

    public string? Phone
    {
        get => _data.GetValueOrDefault("phone");
        set => Set("phone", value);
    }

    public bool PhoneVerified
    {
        get => _data.ContainsKey("phoneVerified");
        set => Set("phoneVerified", value ? "yes" : null);
    }

    public DateTimeOffset? ConsentedAt
    {
        get => _data.TryGetValue("consentedAt", out var value) ? DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        set => Set("consentedAt", value?.ToString("O"));
    }

    /// <summary>The resident chose to join the resident of another app who verified the same phone.</summary>
    public bool JoinKnownResident
    {
        get => _data.ContainsKey("joinKnown");
        set => Set("joinKnown", value ? "yes" : null);
    }

    /// <summary>Starts the draft from what the resident has now, so each question shows the current answer.</summary>
    public void LoadFrom(Resident resident)
    {
        Name = resident.Name;
        CommunityId = resident.CommunityId;
        Spheres = resident.Spheres;
        Phone = resident.Phone;
        PhoneVerified = resident.PhoneVerified;
    }

    public void ToggleSphere(string sphere) =>
        Spheres = Spheres.Contains(sphere) ? Spheres.Where(id => id != sphere).ToList() : [.. Spheres, sphere];

    private string[] List(string key) =>
        _data.GetValueOrDefault(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private void Set(string key, string? value)
    {
        if (value is null)
        {
            _data.Remove(key);
        }
        else
        {
            _data[key] = value;
        }
    }
}
