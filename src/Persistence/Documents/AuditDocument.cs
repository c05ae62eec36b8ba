using Hromada.Core.Moderation;

namespace Hromada.Persistence.Documents;

internal sealed class AuditDocument
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string ActorId { get; set; } = "";

    public string? ActorResidentId { get; set; }

    public string Action { get; set; } = "";

    public string? CommunityId { get; set; }

    public string Target { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }

    public static AuditDocument From(AuditEntry entry, long id) => new()
    {
        Id = id,
        At = DocumentFormat.ToStored(entry.At),
        ActorId = entry.Actor.Id,
        ActorResidentId = entry.Actor.ResidentId,
        Action = entry.Action,
        CommunityId = entry.CommunityId,
        Target = entry.Target,
        Before = entry.Before,
        After = entry.After,
    };

    public AuditEntry ToEntry() => new()
    {
        Id = Id,
        At = DocumentFormat.FromStored(At),
        Actor = new AuditActor(ActorId, ActorResidentId),
        Action = Action,
        CommunityId = CommunityId,
        Target = Target,
        Before = Before,
        After = After,
    };
}
