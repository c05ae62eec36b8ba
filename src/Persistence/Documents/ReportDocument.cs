using Hromada.Core.Conversations;
using Hromada.Core.Reports;

namespace Hromada.Persistence.Documents;

internal sealed class ReportDocument
{
    public string Id { get; set; } = "";

    public long Number { get; set; }

    public string CommunityId { get; set; } = "";

    public string Category { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> PhotoIds { get; set; } = [];

    /// <summary>Flat, so plain indexes can narrow a search to a latitude/longitude box; null without a shared point.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Address { get; set; }

    public bool AnonymousToPublic { get; set; }

    public string ReporterId { get; set; } = "";

    public List<string> JoinedResidentIds { get; set; } = [];

    /// <summary>The reporter and those who joined, for one multikey index: "the reports of this resident".</summary>
    public List<string> FollowerIds { get; set; } = [];

    public string Status { get; set; } = "";

    public string? RejectionReason { get; set; }

    public List<ReportChangeDocument> History { get; set; } = [];

    public List<ReportReplyDocument> Replies { get; set; } = [];

    public int? Rating { get; set; }

    public DateTime? RatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The statuses of an open report by stored name, for queries.</summary>
    public static readonly string[] OpenStatuses =
        [nameof(ReportStatus.New), nameof(ReportStatus.Acknowledged), nameof(ReportStatus.InProgress)];

    public static ReportDocument From(ProblemReport report, long number, long version) => new()
    {
        Id = report.Id,
        Number = number,
        CommunityId = report.CommunityId,
        Category = report.Category.ToString(),
        Description = report.Description,
        PhotoIds = [.. report.PhotoIds],
        Latitude = report.Location?.Latitude,
        Longitude = report.Location?.Longitude,
        Address = report.Address,
        AnonymousToPublic = report.AnonymousToPublic,
        ReporterId = report.ReporterId,
        JoinedResidentIds = [.. report.JoinedResidentIds],
        FollowerIds = [.. report.Followers.Distinct(StringComparer.Ordinal)],
        Status = report.Status.ToString(),
        RejectionReason = report.RejectionReason,
        History = [.. report.History.Select(ReportChangeDocument.From)],
        Replies = [.. report.Replies.Select(ReportReplyDocument.From)],
        Rating = report.Rating,
        RatedAt = report.RatedAt is { } ratedAt ? DocumentFormat.ToStored(ratedAt) : null,
        CreatedAt = DocumentFormat.ToStored(report.CreatedAt),
        UpdatedAt = DocumentFormat.ToStored(report.UpdatedAt),
        Version = version,
    };

    public ProblemReport ToReport() => new()
    {
        Id = Id,
        Number = Number,
        CommunityId = CommunityId,
        Category = Enum.Parse<ReportCategory>(Category),
        Description = Description,
        PhotoIds = [.. PhotoIds],
        Location = Latitude is { } latitude && Longitude is { } longitude ? new GeoPoint(latitude, longitude) : null,
        Address = Address,
        AnonymousToPublic = AnonymousToPublic,
        ReporterId = ReporterId,
        JoinedResidentIds = [.. JoinedResidentIds],
        Status = Enum.Parse<ReportStatus>(Status),
        RejectionReason = RejectionReason,
        History = [.. History.Select(change => change.ToChange())],
        Replies = [.. Replies.Select(reply => reply.ToReply())],
        Rating = Rating,
        RatedAt = RatedAt is { } ratedAt ? DocumentFormat.FromStored(ratedAt) : null,
        CreatedAt = DocumentFormat.FromStored(CreatedAt),
        UpdatedAt = DocumentFormat.FromStored(UpdatedAt),
        Version = Version,
    };
}

internal sealed class ReportChangeDocument
{
    public DateTime At { get; set; }

    public string Status { get; set; } = "";

    public string? ModeratorId { get; set; }

    public string? Note { get; set; }

    public static ReportChangeDocument From(ReportChange change) => new()
    {
        At = DocumentFormat.ToStored(change.At),
        Status = change.Status.ToString(),
        ModeratorId = change.ModeratorId,
        Note = change.Note,
    };

    public ReportChange ToChange() => new(DocumentFormat.FromStored(At), Enum.Parse<ReportStatus>(Status), ModeratorId, Note);
}

internal sealed class ReportReplyDocument
{
    public DateTime At { get; set; }

    public string ModeratorId { get; set; } = "";

    public string Text { get; set; } = "";

    public static ReportReplyDocument From(ReportReply reply) => new()
    {
        At = DocumentFormat.ToStored(reply.At),
        ModeratorId = reply.ModeratorId,
        Text = reply.Text,
    };

    public ReportReply ToReply() => new(DocumentFormat.FromStored(At), ModeratorId, Text);
}
