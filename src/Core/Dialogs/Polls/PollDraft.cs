using System.Globalization;
using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>What the poll dialogs collect, kept in the stored session so a restart loses none.</summary>
public sealed class PollDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    public string? Question
    {
        get => _session.Data.GetValueOrDefault("question");
        set => _session.SetData("question", value);
    }

    /// <summary>The options typed so far; each is one line, so lines keep them apart.</summary>
    public IReadOnlyList<string> Options
    {
        get => _session.Data.GetValueOrDefault("options")?.Split('\n') ?? [];
        set => _session.SetData("options", value.Count == 0 ? null : string.Join('\n', value));
    }

    public string? Sphere
    {
        get => _session.Data.GetValueOrDefault("sphere");
        set => _session.SetData("sphere", value);
    }

    /// <summary>The poll the resident is answering.</summary>
    public string? PollId
    {
        get => _session.Data.GetValueOrDefault("poll");
        set => _session.SetData("poll", value);
    }

    /// <summary>The options ticked so far on a multiple-choice poll, ascending.</summary>
    public IReadOnlyList<int> Selected
    {
        get => _session.Data.GetValueOrDefault("selected")?.Split(',').Select(index => int.Parse(index, CultureInfo.InvariantCulture)).ToList() ?? [];
        set => _session.SetData("selected", value.Count == 0 ? null : string.Join(',', value.Order()));
    }
}
