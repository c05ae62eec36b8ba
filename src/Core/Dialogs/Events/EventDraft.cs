using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.Events;

/// <summary>The event the resident is looking at, kept in the stored session so a restart keeps it open.</summary>
public sealed class EventDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    public string? EventId
    {
        get => _session.Data.GetValueOrDefault("event");
        set => _session.SetData("event", value);
    }
}
