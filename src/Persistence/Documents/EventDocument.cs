using Hromada.Core.Events;

namespace Hromada.Persistence.Documents;

internal sealed class EventDocument
{
    public string Id { get; set; } = "";

    public string CommunityId { get; set; } = "";

    public List<string> Spheres { get; set; } = [];

    public string Type { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    public string Place { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public bool Cancelled { get; set; }

    public static EventDocument From(CivicEvent civicEvent) => new()
    {
        Id = civicEvent.Id,
        CommunityId = civicEvent.CommunityId,
        Spheres = [.. civicEvent.Spheres],
        Type = civicEvent.Type.ToString(),
        Title = civicEvent.Title,
        Description = civicEvent.Description,
        StartsAt = DocumentFormat.ToStored(civicEvent.StartsAt),
        EndsAt = civicEvent.EndsAt is { } endsAt ? DocumentFormat.ToStored(endsAt) : null,
        Place = civicEvent.Place,
        CreatedBy = civicEvent.CreatedBy,
        CreatedAt = DocumentFormat.ToStored(civicEvent.CreatedAt),
        Cancelled = civicEvent.Cancelled,
    };

    public CivicEvent ToEvent() => new()
    {
        Id = Id,
        CommunityId = CommunityId,
        Spheres = [.. Spheres],
        Type = Enum.Parse<EventType>(Type),
        Title = Title,
        Description = Description,
        StartsAt = DocumentFormat.FromStored(StartsAt),
        EndsAt = EndsAt is { } endsAt ? DocumentFormat.FromStored(endsAt) : null,
        Place = Place,
        CreatedBy = CreatedBy,
        CreatedAt = DocumentFormat.FromStored(CreatedAt),
        Cancelled = Cancelled,
    };
}
