using System.Globalization;
using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>What the poll dialogs collect, kept in the stored session so a restart loses none.</summary>
public sealed class PollDraft(ConversationSession session)
{
    private readonly Dictionary<string, string> _data = session.Data;

    public string? Question
    {
        get => _data.GetValueOrDefault("question");
        set => Set("question", value);
    }

    /// <summary>The options typed so far; each is one line, so lines keep them apart.</summary>
    public IReadOnlyList<string> Options
    {
        get => _data.GetValueOrDefault("options")?.Split('\n') ?? [];
        set => Set("options", value.Count == 0 ? null : string.Join('\n', value));
    }

    public string? Sphere
    {
        get => _data.GetValueOrDefault("sphere");
        set => Set("sphere", value);
    }

    /// <summary>The poll the resident is answering.</summary>
    public string? PollId
    {
        get => _data.GetValueOrDefault("poll");
        set => Set("poll", value);
    }

    /// <summary>The options ticked so far on a multiple-choice poll, ascending.</summary>
    public IReadOnlyList<int> Selected
    {
        get => _data.GetValueOrDefault("selected")?.Split(',').Select(index => int.Parse(index, CultureInfo.InvariantCulture)).ToList() ?? [];
        set => Set("selected", value.Count == 0 ? null : string.Join(',', value.Order()));
    }

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
