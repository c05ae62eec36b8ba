using Hromada.Core.ApiKeys;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset KeyCreatedAt = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private static ApiKey Key(string id, string communityId = "kamianske", int minutesLater = 0) =>
        new(id, communityId, $"Label {id}", new string('a', 64), KeyCreatedAt.AddMinutes(minutesLater), "r1");

    [Fact]
    public async Task GetAsync_AddedKey_ReturnsEveryField()
    {
        var key = Key("0123456789ab", ApiKey.AllCommunities);
        await ApiKeys.AddAsync(key, Ct);

        var found = await ApiKeys.GetAsync("0123456789ab", Ct);

        Assert.Equal(key, found);
        Assert.Null(await ApiKeys.GetAsync("ffffffffffff", Ct));
    }

    [Fact]
    public async Task AddAsync_IdTaken_ThrowsAndKeepsTheFirst()
    {
        await ApiKeys.AddAsync(Key("k1"), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ApiKeys.AddAsync(Key("k1", "lviv"), Ct));

        Assert.Equal("kamianske", (await ApiKeys.GetAsync("k1", Ct))?.CommunityId);
    }

    [Fact]
    public async Task ListAsync_SeveralKeys_NewestFirstRevokedToo()
    {
        await ApiKeys.AddAsync(Key("k1"), Ct);
        await ApiKeys.AddAsync(Key("k2", minutesLater: 2), Ct);
        await ApiKeys.AddAsync(Key("k3", minutesLater: 1), Ct);
        await ApiKeys.RevokeAsync("k2", KeyCreatedAt.AddDays(1), Ct);

        var keys = await ApiKeys.ListAsync(Ct);

        Assert.Equal(["k2", "k3", "k1"], keys.Select(key => key.Id));
        Assert.True(keys[0].IsRevoked);
    }

    [Fact]
    public async Task RevokeAsync_Twice_KeepsTheFirstTime()
    {
        await ApiKeys.AddAsync(Key("k1"), Ct);

        var first = await ApiKeys.RevokeAsync("k1", KeyCreatedAt.AddDays(1), Ct);
        var second = await ApiKeys.RevokeAsync("k1", KeyCreatedAt.AddDays(2), Ct);

        Assert.Equal(KeyCreatedAt.AddDays(1), first?.RevokedAt);
        Assert.Equal(KeyCreatedAt.AddDays(1), second?.RevokedAt);
        Assert.Equal(KeyCreatedAt.AddDays(1), (await ApiKeys.GetAsync("k1", Ct))?.RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_UnknownKey_ReturnsNull()
    {
        var revoked = await ApiKeys.RevokeAsync("nope", KeyCreatedAt, Ct);

        Assert.Null(revoked);
    }
}
