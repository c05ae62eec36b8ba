using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Events;

namespace Hromada.Core.Dialogs.Admin.NewEvent;

/// <summary>The event being written, kept in the stored session so a restart loses none of it.</summary>
public sealed class NewEventDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    /// <summary>The sphere step is onboarding's own (<see cref="ProfileQuestions"/>), so the spheres are kept where <see cref="ProfileDraft"/> keeps them.</summary>
    public ProfileDraft SphereStep => new(_session);

    public string? Title
    {
        get => _session.Data.GetValueOrDefault("title");
        set => _session.SetData("title", value);
    }

    public EventType? Type
    {
        get => Enum.TryParse<EventType>(_session.Data.GetValueOrDefault("type"), out var type) ? type : null;
        set => _session.SetData("type", value?.ToString());
    }

    public DateTimeOffset? StartsAt
    {
        get => _session.Data.TryGetValue("startsAt", out var value) ? DateTimeOffset.Parse(value, CultureInfo.InvariantCulture) : null;
        set => _session.SetData("startsAt", value?.ToString("O", CultureInfo.InvariantCulture));
    }

    public string? Place
    {
        get => _session.Data.GetValueOrDefault("place");
        set => _session.SetData("place", value);
    }
}
