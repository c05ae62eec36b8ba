using System.Net;
using System.Text.RegularExpressions;
using Hromada.Bots.Tests.Channels.Dev;
using Hromada.Core.ApiKeys;
using Hromada.Core.Localization;

namespace Hromada.Bots.Tests.Api;

/// <summary>/apikey end to end through the dev chat, and the key it shows used on the API.</summary>
public sealed partial class ApiKeyCommandTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = ApiHost.Start(("Admin:SuperAdmins:0", "dev:admin"));
        await _host.ResidentAsync("admin");
        await _host.ResidentAsync("olena");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task ApiKey_SuperAdminCreatesListsAndRevokes_KeyWorksOnTheApiUntilRevoked()
    {
        var admin = new DevChatResident(_host.Host, "admin", "Admin");

        var created = Assert.Single(await admin.SayAsync("/apikey create kamianske Сайт міськради"));
        var key = KeyIn().Match(created.Text).Value;
        using var allowed = await _host.GetAsync("/api/v1/polls", key);
        using var otherCommunity = await _host.GetAsync("/api/v1/polls?community=lviv", key);
        var list = Assert.Single(await admin.SayAsync("/apikey list"));
        var revokeButton = Assert.Single(list.AllButtons);
        var revoked = Assert.Single(await admin.PressAsync(revokeButton.Data));
        using var refused = await _host.GetAsync("/api/v1/polls", key);
        var listAfter = Assert.Single(await admin.SayAsync("/apikey"));

        var id = key.Split('_')[1];
        Assert.Equal(Text("ApiKey_Created", "Кам'янське", id, key), created.Text);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCommunity.StatusCode);
        Assert.Contains(Text("ApiKey_Line", id, "Кам'янське", "Сайт міськради", "23.11.2026 11:00"), list.Text, StringComparison.Ordinal);
        Assert.Equal($"/apikey revoke {id}", revokeButton.Data);
        Assert.Equal(Text("ApiKey_Revoked", id), revoked.Text);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(Text("ApiKey_LineRevoked", id, "Кам'янське", "Сайт міськради", "23.11.2026 11:00"), listAfter.Text, StringComparison.Ordinal);
        Assert.Empty(listAfter.AllButtons);
    }

    [Fact]
    public async Task ApiKey_AllCommunities_ReachesEveryCommunity()
    {
        var admin = new DevChatResident(_host.Host, "admin", "Admin");

        var created = Assert.Single(await admin.SayAsync("/apikey create *"));
        var key = KeyIn().Match(created.Text).Value;
        using var lviv = await _host.GetAsync("/api/v1/polls?community=lviv", key);

        Assert.Equal(HttpStatusCode.OK, lviv.StatusCode);
        Assert.Equal(ApiKey.AllCommunities, (await _host.Get<ApiKeyRegistry>().ListAsync(ApiHost.Cancellation)).Single().CommunityId);
    }

    [Fact]
    public async Task ApiKey_UnknownCommunity_SaysSoAndCreatesNothing()
    {
        var admin = new DevChatResident(_host.Host, "admin", "Admin");

        var reply = Assert.Single(await admin.SayAsync("/apikey create atlantis"));

        Assert.StartsWith(Text("ApiKey_UnknownCommunity", "atlantis"), reply.Text, StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ApiKeyRegistry>().ListAsync(ApiHost.Cancellation));
    }

    [Fact]
    public async Task ApiKey_NotASuperAdmin_RefusedAndCreatesNothing()
    {
        var olena = new DevChatResident(_host.Host, "olena", "Olena");

        var reply = Assert.Single(await olena.SayAsync("/apikey create kamianske"));

        Assert.Equal(Text("ApiKey_NotAllowed"), reply.Text);
        Assert.Empty(await _host.Get<ApiKeyRegistry>().ListAsync(ApiHost.Cancellation));
    }

    [Fact]
    public async Task ApiKey_StoredKey_HoldsOnlyTheHashOfTheSecret()
    {
        var admin = new DevChatResident(_host.Host, "admin", "Admin");

        var created = Assert.Single(await admin.SayAsync("/apikey create lviv"));

        var key = KeyIn().Match(created.Text).Value;
        var stored = Assert.Single(await _host.Get<IApiKeyStore>().ListAsync(ApiHost.Cancellation));
        var secret = key[(key.LastIndexOf('_') + 1)..];
        Assert.Equal(64, stored.SecretHash.Length);
        Assert.DoesNotContain(secret, stored.SecretHash, StringComparison.Ordinal);
        Assert.Equal(("lviv", "r-admin"), (stored.CommunityId, stored.CreatedBy));
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);

    [GeneratedRegex("hk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyIn();
}
