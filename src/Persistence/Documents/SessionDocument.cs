using Hromada.Core.Conversations;
using Hromada.Core.Localization;

namespace Hromada.Persistence.Documents;

internal sealed class SessionDocument
{
    public string Id { get; set; } = "";

    public string? Dialog { get; set; }

    public string? State { get; set; }

    public Dictionary<string, string> Data { get; set; } = [];

    public string? Language { get; set; }

    public long LastSequence { get; set; }

    public long Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public static SessionDocument From(ConversationSession session, long version) => new()
    {
        Id = session.Key,
        Dialog = session.Dialog,
        State = session.State,
        Data = new(session.Data),
        Language = session.Language?.ToString(),
        LastSequence = session.LastSequence,
        Version = version,
        UpdatedAt = DocumentFormat.ToStored(session.UpdatedAt),
    };

    public ConversationSession ToSession() => new()
    {
        Key = Id,
        Dialog = Dialog,
        State = State,
        Data = new(Data),
        Language = Language is null ? null : Enum.Parse<Language>(Language),
        LastSequence = LastSequence,
        Version = Version,
        UpdatedAt = DocumentFormat.FromStored(UpdatedAt),
    };
}
