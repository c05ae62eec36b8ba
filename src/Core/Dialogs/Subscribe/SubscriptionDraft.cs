using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Subscriptions;

namespace Hromada.Core.Dialogs.Subscribe;

/// <summary>The subscription being changed, kept in the stored session so a restart loses none of it.</summary>
public sealed class SubscriptionDraft(ConversationSession session)
{
    private const string QuietOff = "off";

    private readonly ConversationSession _session = session;

    /// <summary>
    /// The sphere step is onboarding's own (<see cref="ProfileQuestions"/>), so the spheres are kept
    /// where <see cref="ProfileDraft"/> keeps them.
    /// </summary>
    public ProfileDraft SphereStep => new(_session);

    public IReadOnlyList<string> Communities
    {
        get => List("communities");
        set => _session.SetData("communities", string.Join(',', value));
    }

    /// <summary>Ids of the communities found by the resident's last search, offered as buttons to add.</summary>
    public IReadOnlyList<string> Found
    {
        get => List("found");
        set => _session.SetData("found", value.Count == 0 ? null : string.Join(',', value));
    }

    public Delivery Delivery
    {
        get => Enum.Parse<Delivery>(_session.Data.GetValueOrDefault("delivery", nameof(Delivery.AtOnce)));
        set => _session.SetData("delivery", value.ToString());
    }

    public QuietHours? QuietHours
    {
        get => _session.Data.GetValueOrDefault("quiet") is { } stored and not QuietOff ? QuietHoursText.Parse(stored).ToQuietHours() : null;
        set => _session.SetData("quiet", value is null ? QuietOff : $"{value.StartHour}-{value.EndHour}");
    }

    public void LoadFrom(Subscription subscription)
    {
        SphereStep.Spheres = subscription.Spheres;
        Communities = subscription.Communities;
        Delivery = subscription.Delivery;
        QuietHours = subscription.QuietHours;
    }

    public Subscription ToSubscription() => new()
    {
        Spheres = SphereStep.Spheres,
        Communities = Communities,
        Delivery = Delivery,
        QuietHours = QuietHours,
    };

    private string[] List(string key) =>
        _session.Data.GetValueOrDefault(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
