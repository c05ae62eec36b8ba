using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.Ideas;

/// <summary>What the idea dialogs collect, kept in the stored session so a restart loses none.</summary>
public sealed class IdeaDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    public string? Title
    {
        get => _session.Data.GetValueOrDefault("title");
        set => _session.SetData("title", value);
    }

    public string? Text
    {
        get => _session.Data.GetValueOrDefault("text");
        set => _session.SetData("text", value);
    }

    public string? Sphere
    {
        get => _session.Data.GetValueOrDefault("sphere");
        set => _session.SetData("sphere", value);
    }

    /// <summary>The platform file id or URL of the attached photo; null when skipped.</summary>
    public string? PhotoId
    {
        get => _session.Data.GetValueOrDefault("photo");
        set => _session.SetData("photo", value);
    }

    /// <summary>The idea the resident has open in /ideas.</summary>
    public string? IdeaId
    {
        get => _session.Data.GetValueOrDefault("idea");
        set => _session.SetData("idea", value);
    }
}
