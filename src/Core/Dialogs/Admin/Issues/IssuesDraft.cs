using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;

namespace Hromada.Core.Dialogs.Admin.Issues;

/// <summary>The report a moderator works on in /issues and what they do to it, kept in the stored session.</summary>
public sealed class IssuesDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    public long? Number
    {
        get => long.TryParse(_session.Data.GetValueOrDefault("report"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        set => _session.SetData("report", value?.ToString(CultureInfo.InvariantCulture));
    }

    public ReportAction? Action
    {
        get => Enum.TryParse<ReportAction>(_session.Data.GetValueOrDefault("action"), out var action) ? action : null;
        set => _session.SetData("action", value?.ToString());
    }

    /// <summary>The rejection's reason or the reply, as the moderator typed it.</summary>
    public string? Text
    {
        get => _session.Data.GetValueOrDefault("text");
        set => _session.SetData("text", value);
    }
}
