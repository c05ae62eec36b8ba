using System.Security.Claims;
using Hromada.Core.ApiKeys;
using Hromada.Core.Communities;
using Hromada.Core.Moderation;

namespace Hromada.Bots.Api;

/// <summary>
/// The API key a request was authenticated with, as an endpoint parameter: its id, and the
/// communities it reaches (see <see cref="ApiKey.Covers"/>).
/// </summary>
public sealed record ApiCaller(string KeyId, string Scope)
{
    public const string ScopeClaim = "hromada:community";

    public bool Covers(string communityId) => Scope == ApiKey.AllCommunities || Scope == communityId;

    /// <summary>The ids of the communities the key reaches.</summary>
    public IReadOnlyList<string> CommunityIds(CommunityDirectory communities) =>
        Scope == ApiKey.AllCommunities ? [.. communities.All.Select(community => community.Id)] : [Scope];

    /// <summary>
    /// The key as a moderator, for the Core moderation services: it moderates its community (a key
    /// for all communities, all of them), and the audit log names it "api:&lt;key id&gt;". The grant is
    /// not stored anywhere, so it has no date.
    /// </summary>
    public ModeratorScope AsModerator()
    {
        var actor = new AuditActor($"api:{KeyId}", ResidentId: null);
        return Scope == ApiKey.AllCommunities
            ? new ModeratorScope(actor, isSuperAdmin: true, [])
            : new ModeratorScope(actor, isSuperAdmin: false, [new RoleGrant(actor.Id, Scope, Role.Moderator, actor.Id, DateTimeOffset.MinValue)]);
    }

    public static ClaimsPrincipal Principal(ApiKey key, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(ScopeClaim, key.CommunityId)], scheme));

    /// <summary>Minimal APIs bind the parameter from the authenticated user; the group's policy guarantees one.</summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(
            context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && context.User.FindFirstValue(ScopeClaim) is { } scope
                ? new ApiCaller(id, scope)
                : null);
}
