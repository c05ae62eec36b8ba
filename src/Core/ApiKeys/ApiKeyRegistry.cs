using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hromada.Core.ApiKeys;

/// <summary>A key just created: the stored record, and the whole key, which is shown this once and never again.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>
/// Creates, checks and revokes API keys. A key reads "hk_&lt;id&gt;_&lt;secret&gt;": the id finds the
/// record, and the secret (32 random bytes) must hash to the stored SHA-256. A secret of 256 random
/// bits needs no slow hash: nothing can be guessed from its SHA-256.
/// </summary>
public sealed class ApiKeyRegistry(IApiKeyStore store, TimeProvider time)
{
    public const string Prefix = "hk_";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;
    private static readonly int IdLength = IdBytes * 2;
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>Creates a key for <paramref name="communityId"/> (or <see cref="ApiKey.AllCommunities"/>).</summary>
    public async Task<IssuedApiKey> CreateAsync(
        string communityId, string label, string createdBy, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var key = new ApiKey(id, communityId, label, Hash(secret), time.GetUtcNow(), createdBy);
        await store.AddAsync(key, cancellationToken);
        return new IssuedApiKey(key, $"{Prefix}{id}_{Base64Url.EncodeToString(secret)}");
    }

    /// <summary>The key <paramref name="presented"/> stands for, when it is well formed, known, not revoked and its secret matches.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!TryRead(presented, out var id, out var secret)
            || await store.GetAsync(id, cancellationToken) is not { IsRevoked: false } key)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(key.SecretHash);
        var actual = Encoding.ASCII.GetBytes(Hash(secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? key : null;
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public Task<ApiKey?> RevokeAsync(string id, CancellationToken cancellationToken) =>
        store.RevokeAsync(id, time.GetUtcNow(), cancellationToken);

    private static string Hash(ReadOnlySpan<byte> secret) => Convert.ToHexStringLower(SHA256.HashData(secret));

    private static bool TryRead(string presented, out string id, out byte[] secret)
    {
        id = "";
        secret = [];
        var idEnd = Prefix.Length + IdLength;
        if (presented.Length != idEnd + 1 + SecretLength
            || !presented.StartsWith(Prefix, StringComparison.Ordinal)
            || presented[idEnd] != '_'
            || presented.AsSpan(Prefix.Length, IdLength).ContainsAnyExcept(LowerHex)
            || !Base64Url.IsValid(presented.AsSpan(idEnd + 1)))
        {
            return false;
        }

        id = presented.Substring(Prefix.Length, IdLength);
        secret = Base64Url.DecodeFromChars(presented.AsSpan(idEnd + 1));
        return secret.Length == SecretBytes;
    }
}
