using Hromada.Core.Broadcasts;
using Hromada.Core.Residents;

namespace Hromada.Persistence.Documents;

internal sealed class BroadcastDocument
{
    public string Id { get; set; } = "";

    public string AuthorResidentId { get; set; } = "";

    public string AuthorActorId { get; set; } = "";

    /// <summary>Null for everyone (a super-admin's "all communities").</summary>
    public List<string>? Communities { get; set; }

    public List<string> Spheres { get; set; } = [];

    public List<string> Statuses { get; set; } = [];

    public string Text { get; set; } = "";

    public string? PhotoId { get; set; }

    public string Status { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public int Recipients { get; set; }

    public int Unreachable { get; set; }

    public static BroadcastDocument From(Broadcast broadcast) => new()
    {
        Id = broadcast.Id,
        AuthorResidentId = broadcast.AuthorResidentId,
        AuthorActorId = broadcast.AuthorActorId,
        Communities = broadcast.Audience.Communities is { } communities ? [.. communities] : null,
        Spheres = [.. broadcast.Audience.Spheres],
        Statuses = [.. broadcast.Audience.Statuses.Select(status => status.ToString())],
        Text = broadcast.Text,
        PhotoId = broadcast.PhotoId,
        Status = broadcast.Status.ToString(),
        CreatedAt = DocumentFormat.ToStored(broadcast.CreatedAt),
        Recipients = broadcast.Recipients,
        Unreachable = broadcast.Unreachable,
    };

    public Broadcast ToBroadcast() => new()
    {
        Id = Id,
        AuthorResidentId = AuthorResidentId,
        AuthorActorId = AuthorActorId,
        Audience = new BroadcastAudience(Communities, Spheres, [.. Statuses.Select(Enum.Parse<ResidentStatus>)]),
        Text = Text,
        PhotoId = PhotoId,
        Status = Enum.Parse<BroadcastStatus>(Status),
        CreatedAt = DocumentFormat.FromStored(CreatedAt),
        Recipients = Recipients,
        Unreachable = Unreachable,
    };
}
