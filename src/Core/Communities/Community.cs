namespace Hromada.Core.Communities;

/// <summary>A territorial community (громада) or the national level.</summary>
/// <param name="Id">A stable slug, such as "kamianske".</param>
/// <param name="Katotth">The code in the Ukrainian codifier of administrative-territorial units, when known.</param>
public sealed record Community(
    string Id,
    string NameUk,
    string NameEn,
    string? OblastUk,
    string? OblastEn,
    string? Katotth,
    bool IsNational = false)
{
    public const string NationalId = "ukraine";
}

public interface ICommunityStore
{
    Task<IReadOnlyList<Community>> ListAsync(CancellationToken cancellationToken);

    Task<Community?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces communities by id.</summary>
    Task UpsertAsync(IReadOnlyList<Community> communities, CancellationToken cancellationToken);
}
