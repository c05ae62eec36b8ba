using Hromada.Core.Conversations;
using Hromada.Core.Residents;

namespace Hromada.Core.Dialogs.Profile;

/// <summary>The profile answers collected so far, kept in the stored session so a restart loses none.</summary>
public sealed class ProfileDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    public string? Name
    {
        get => _session.Data.GetValueOrDefault("name");
        set => _session.SetData("name", value);
    }

    public string? CommunityId
    {
        get => _session.Data.GetValueOrDefault("community");
        set => _session.SetData("community", value);
    }

    /// <summary>Ids of the communities found by the resident's last search, shown as buttons.</summary>
    public IReadOnlyList<string> CommunityMatches
    {
        get => List("communityMatches");
        set => _session.SetData("communityMatches", string.Join(',', value));
    }

    public IReadOnlyList<string> Spheres
    {
        get => List("spheres");
        set => _session.SetData("spheres", string.Join(',', value));
    }

    public string? Phone
    {
        get => _session.Data.GetValueOrDefault("phone");
        set => _session.SetData("phone", value);
    }

    public bool PhoneVerified
    {
        get => _session.Data.ContainsKey("phoneVerified");
        set => _session.SetData("phoneVerified", value ? "yes" : null);
    }

    public int? BirthYear
    {
        get => _session.Data.TryGetValue("birthYear", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        set => _session.SetData("birthYear", value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Gender? Gender
    {
        get => _session.Data.TryGetValue("gender", out var value) ? Enum.Parse<Gender>(value) : null;
        set => _session.SetData("gender", value?.ToString());
    }

    public DateTimeOffset? ConsentedAt
    {
        get => _session.Data.TryGetValue("consentedAt", out var value) ? DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        set => _session.SetData("consentedAt", value?.ToString("O"));
    }

    /// <summary>The resident chose to join the resident of another app who verified the same phone.</summary>
    public bool JoinKnownResident
    {
        get => _session.Data.ContainsKey("joinKnown");
        set => _session.SetData("joinKnown", value ? "yes" : null);
    }

    /// <summary>Starts the draft from what the resident has now, so each question shows the current answer.</summary>
    public void LoadFrom(Resident resident)
    {
        Name = resident.Name;
        CommunityId = resident.CommunityId;
        Spheres = resident.Spheres;
        Phone = resident.Phone;
        PhoneVerified = resident.PhoneVerified;
        BirthYear = resident.BirthYear;
        Gender = resident.Gender;
    }

    public void ToggleSphere(string sphere) =>
        Spheres = Spheres.Contains(sphere) ? Spheres.Where(id => id != sphere).ToList() : [.. Spheres, sphere];

    private string[] List(string key) =>
        _session.Data.GetValueOrDefault(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
