using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Polls;

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

    public PollType Type
    {
        get => Enum.TryParse<PollType>(_session.Data.GetValueOrDefault("type"), out var type) ? type : PollType.SingleChoice;
        set => _session.SetData("type", value.ToString());
    }

    /// <summary>How many options a multiple-choice ballot may hold.</summary>
    public int MaxChoices
    {
        get => int.TryParse(_session.Data.GetValueOrDefault("maxChoices"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : 1;
        set => _session.SetData("maxChoices", value.ToString(CultureInfo.InvariantCulture));
    }

    public PollKind Kind
    {
        get => Enum.TryParse<PollKind>(_session.Data.GetValueOrDefault("kind"), out var kind) ? kind : PollKind.CurrentState;
        set => _session.SetData("kind", value.ToString());
    }

    /// <summary>The planning period of a strategic poll, such as "2026–2030".</summary>
    public string? Horizon
    {
        get => _session.Data.GetValueOrDefault("horizon");
        set => _session.SetData("horizon", value);
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
