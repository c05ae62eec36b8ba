using Hromada.Core.Communities;

namespace Hromada.Persistence.Documents;

internal sealed class CommunityDocument
{
    public string Id { get; set; } = "";

    public string NameUk { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string? OblastUk { get; set; }

    public string? OblastEn { get; set; }

    public string? Katotth { get; set; }

    public bool IsNational { get; set; }

    public static CommunityDocument From(Community community) => new()
    {
        Id = community.Id,
        NameUk = community.NameUk,
        NameEn = community.NameEn,
        OblastUk = community.OblastUk,
        OblastEn = community.OblastEn,
        Katotth = community.Katotth,
        IsNational = community.IsNational,
    };

    public Community ToCommunity() => new(Id, NameUk, NameEn, OblastUk, OblastEn, Katotth, IsNational);
}
