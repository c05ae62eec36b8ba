using Hromada.Core.ApiKeys;

namespace Hromada.Persistence.Documents;

internal sealed class ApiKeyDocument
{
    public string Id { get; set; } = "";

    public string CommunityId { get; set; } = "";

    public string Label { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? RevokedAt { get; set; }

    /// <summary>What both providers throw when a new key's id is taken (ids are random; a bug or a 1-in-2^48 draw).</summary>
    public static InvalidOperationException IdTaken(Exception duplicateKey) =>
        new("An API key with the same id is stored already.", duplicateKey);

    public static ApiKeyDocument From(ApiKey key) => new()
    {
        Id = key.Id,
        CommunityId = key.CommunityId,
        Label = key.Label,
        SecretHash = key.SecretHash,
        CreatedAt = DocumentFormat.ToStored(key.CreatedAt),
        CreatedBy = key.CreatedBy,
        RevokedAt = key.RevokedAt is { } revokedAt ? DocumentFormat.ToStored(revokedAt) : null,
    };

    public ApiKey ToApiKey() => new(Id, CommunityId, Label, SecretHash, DocumentFormat.FromStored(CreatedAt), CreatedBy)
    {
        RevokedAt = RevokedAt is { } revokedAt ? DocumentFormat.FromStored(revokedAt) : null,
    };
}
