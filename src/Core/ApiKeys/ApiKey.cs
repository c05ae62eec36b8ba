namespace Hromada.Core.ApiKeys;

/// <summary>
/// A key an integration (a council's website, a dispatch service) calls the HTTP API with. Only the
/// SHA-256 hash of its secret is stored; the whole key is shown once, when it is created.
/// </summary>
/// <param name="Id">The public part of the key, read from the key itself so the lookup is by id.</param>
/// <param name="CommunityId">
/// What the key may reach: one community's id, <see cref="Communities.Community.NationalId"/> for the
/// national level only, or <see cref="AllCommunities"/> for every community and the national level.
/// </param>
/// <param name="SecretHash">The SHA-256 hash of the secret, lower-case hex.</param>
/// <param name="CreatedBy">The resident (a super-admin) who created it.</param>
public sealed record ApiKey(
    string Id,
    string CommunityId,
    string Label,
    string SecretHash,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    /// <summary>The scope of a key that reaches every community and the national level.</summary>
    public const string AllCommunities = "*";

    /// <summary>Set when a super-admin revoked it; a revoked key is refused.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>
    /// Whether the key reaches <paramref name="communityId"/>. A community's key does not reach the
    /// national level: national polls belong to whoever runs the national network.
    /// </summary>
    public bool Covers(string communityId) => CommunityId == AllCommunities || CommunityId == communityId;
}

public interface IApiKeyStore
{
    /// <summary>Stores a new key; an id already stored throws <see cref="InvalidOperationException"/>.</summary>
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every key, revoked ones too, newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks the key revoked at <paramref name="at"/>, once.</summary>
    /// <returns>The key as stored afterwards (with its first revocation time), or null when there is no such key.</returns>
    Task<ApiKey?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
