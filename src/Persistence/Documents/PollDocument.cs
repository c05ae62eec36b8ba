using Hromada.Core.Polls;

namespace Hromada.Persistence.Documents;

internal sealed class PollDocument
{
    public string Id { get; set; } = "";

    public string CommunityId { get; set; } = "";

    public List<string> Spheres { get; set; } = [];

    public string Question { get; set; } = "";

    public List<string> Options { get; set; } = [];

    public string Type { get; set; } = "";

    public int MaxChoices { get; set; }

    public string Kind { get; set; } = "";

    public string? Horizon { get; set; }

    public DateTime? OpensAt { get; set; }

    public DateTime? ClosesAt { get; set; }

    public string Status { get; set; } = "";

    public string? AuthorResidentId { get; set; }

    public DateTime CreatedAt { get; set; }

    public static PollDocument From(Poll poll) => new()
    {
        Id = poll.Id,
        CommunityId = poll.CommunityId,
        Spheres = [.. poll.Spheres],
        Question = poll.Question,
        Options = [.. poll.Options],
        Type = poll.Type.ToString(),
        MaxChoices = poll.MaxChoices,
        Kind = poll.Kind.ToString(),
        Horizon = poll.Horizon,
        OpensAt = poll.OpensAt is { } opensAt ? DocumentFormat.ToStored(opensAt) : null,
        ClosesAt = poll.ClosesAt is { } closesAt ? DocumentFormat.ToStored(closesAt) : null,
        Status = poll.Status.ToString(),
        AuthorResidentId = poll.AuthorResidentId,
        CreatedAt = DocumentFormat.ToStored(poll.CreatedAt),
    };

    public Poll ToPoll() => new()
    {
        Id = Id,
        CommunityId = CommunityId,
        Spheres = [.. Spheres],
        Question = Question,
        Options = [.. Options],
        Type = Enum.Parse<PollType>(Type),
        MaxChoices = MaxChoices,
        Kind = Enum.Parse<PollKind>(Kind),
        Horizon = Horizon,
        OpensAt = OpensAt is { } opensAt ? DocumentFormat.FromStored(opensAt) : null,
        ClosesAt = ClosesAt is { } closesAt ? DocumentFormat.FromStored(closesAt) : null,
        Status = Enum.Parse<PollStatus>(Status),
        AuthorResidentId = AuthorResidentId,
        CreatedAt = DocumentFormat.FromStored(CreatedAt),
    };
}
