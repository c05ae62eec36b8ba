using Hromada.Core.Residents;

namespace Hromada.Persistence.Documents;

/// <summary>Keyed by the resident, so saving a new code replaces the resident's earlier one in one write.</summary>
internal sealed class LinkCodeDocument
{
    public string Id { get; set; } = "";

    /// <summary>Unique: a code names one resident.</summary>
    public string Code { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    /// <summary>What both providers throw when another resident's live code is the same.</summary>
    public static InvalidOperationException CodeTaken(Exception? duplicateKey = null) =>
        new("Another resident holds the same link code; make a new one.", duplicateKey);

    public static LinkCodeDocument From(LinkCode code) => new()
    {
        Id = code.ResidentId,
        Code = code.Code,
        ExpiresAt = DocumentFormat.ToStored(code.ExpiresAt),
    };

    public LinkCode ToLinkCode() => new(Code, Id, DocumentFormat.FromStored(ExpiresAt));
}
