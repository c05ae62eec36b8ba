using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    protected static Resident Resident(string id, params ChannelIdentity[] identities) => new()
    {
        Id = id,
        Identities = [.. identities],
        CreatedAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(2)),
    };

    protected static ChannelIdentity Telegram(string userId) => new(ChannelKind.Telegram, userId, ChatId: userId);

    [Fact]
    public async Task FindByIdentityAsync_AnyOfTheIdentities_ReturnsTheResident()
    {
        var viber = new ChannelIdentity(ChannelKind.Viber, "v-9", "v-9");
        await Residents.SaveAsync(Resident("r1", Telegram("501"), viber), Ct);
        await Residents.SaveAsync(Resident("r2", Telegram("502")), Ct);

        var found = await Residents.FindByIdentityAsync(viber.Key, Ct);

        Assert.Equal("r1", found?.Id);
    }

    [Fact]
    public async Task FindByIdentityAsync_SameUserIdOnAnotherChannel_ReturnsNull()
    {
        await Residents.SaveAsync(Resident("r1", Telegram("501")), Ct);

        var found = await Residents.FindByIdentityAsync(new IdentityKey(ChannelKind.Viber, "501"), Ct);

        Assert.Null(found);
    }

    [Fact]
    public async Task GetAsync_SavedResident_ReturnsEveryField()
    {
        var resident = Resident("r1", Telegram("501") with { Reachable = false });
        resident.Name = "Олена";
        resident.CommunityId = "kamianske";
        resident.Spheres = ["ecology", "transport"];
        resident.Language = Language.En;
        resident.Phone = "+380501234567";
        resident.PhoneVerified = true;
        resident.ConsentedAt = new DateTimeOffset(2025, 3, 1, 9, 1, 0, TimeSpan.Zero);
        resident.RegisteredAt = new DateTimeOffset(2025, 3, 1, 9, 2, 0, TimeSpan.Zero);
        resident.Status = ResidentStatus.LocalExpert;
        await Residents.SaveAsync(resident, Ct);

        var found = await Residents.GetAsync("r1", Ct);

        Assert.NotNull(found);
        Assert.Equal(resident.Identities, found.Identities);
        Assert.Equal(
            (resident.Name, resident.CommunityId, resident.Language, resident.Phone, resident.PhoneVerified, resident.Status),
            (found.Name, found.CommunityId, found.Language, found.Phone, found.PhoneVerified, found.Status));
        Assert.Equal(resident.Spheres, found.Spheres);
        Assert.Equal(
            (resident.ConsentedAt, resident.CreatedAt, resident.RegisteredAt),
            (found.ConsentedAt, found.CreatedAt, found.RegisteredAt));
    }

    [Fact]
    public async Task GetAsync_ResidentStillRegistering_ReturnsNullDates()
    {
        await Residents.SaveAsync(Resident("r1", Telegram("501")), Ct);

        var found = await Residents.GetAsync("r1", Ct);

        Assert.NotNull(found);
        Assert.False(found.IsRegistered);
        Assert.Null(found.ConsentedAt);
        Assert.Null(found.Name);
    }

    [Fact]
    public async Task SaveAsync_ExistingResident_ReplacesIt()
    {
        await Residents.SaveAsync(Resident("r1", Telegram("501")), Ct);
        var changed = Resident("r1", Telegram("601"));
        changed.Name = "Петро";

        await Residents.SaveAsync(changed, Ct);

        Assert.Null(await Residents.FindByIdentityAsync(Telegram("501").Key, Ct));
        var found = await Residents.FindByIdentityAsync(Telegram("601").Key, Ct);
        Assert.Equal(("r1", "Петро"), (found?.Id, found?.Name));
    }

    [Fact]
    public async Task SaveAsync_IdentityOfAnotherResident_ThrowsAndKeepsTheOwner()
    {
        await Residents.SaveAsync(Resident("r1", Telegram("501")), Ct);

        var save = () => Residents.SaveAsync(Resident("r2", Telegram("501")), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(save);
        Assert.Null(await Residents.GetAsync("r2", Ct));
        Assert.Equal("r1", (await Residents.FindByIdentityAsync(Telegram("501").Key, Ct))?.Id);
    }

    [Fact]
    public async Task DeleteAsync_SavedResident_GetAndFindReturnNull()
    {
        await Residents.SaveAsync(Resident("r1", Telegram("501")), Ct);

        await Residents.DeleteAsync("r1", Ct);

        Assert.Null(await Residents.GetAsync("r1", Ct));
        Assert.Null(await Residents.FindByIdentityAsync(Telegram("501").Key, Ct));
    }

    [Fact]
    public async Task SetReachableAsync_OneOfTwoIdentities_ChangesOnlyThatIdentity()
    {
        var viber = new ChannelIdentity(ChannelKind.Viber, "v-9", "v-9");
        var resident = Resident("r1", Telegram("501"), viber);
        resident.Name = "Олена";
        await Residents.SaveAsync(resident, Ct);

        var found = await Residents.SetReachableAsync(Telegram("501").Key, reachable: false, Ct);

        Assert.True(found);
        var stored = await Residents.GetAsync("r1", Ct);
        Assert.Equal([Telegram("501") with { Reachable = false }, viber], stored?.Identities);
        Assert.Equal("Олена", stored?.Name);
    }

    [Fact]
    public async Task SetReachableAsync_BackToReachable_MarksTheIdentityReachable()
    {
        await Residents.SaveAsync(Resident("r1", Telegram("501") with { Reachable = false }), Ct);

        await Residents.SetReachableAsync(Telegram("501").Key, reachable: true, Ct);

        Assert.True(Assert.Single((await Residents.GetAsync("r1", Ct))!.Identities).Reachable);
    }

    [Fact]
    public async Task SetReachableAsync_IdentityNobodyHolds_ReturnsFalse()
    {
        await Residents.SaveAsync(Resident("r1", Telegram("501")), Ct);

        var found = await Residents.SetReachableAsync(new IdentityKey(ChannelKind.Viber, "501"), reachable: false, Ct);

        Assert.False(found);
        Assert.True(Assert.Single((await Residents.GetAsync("r1", Ct))!.Identities).Reachable);
    }

    [Fact]
    public async Task FindByVerifiedPhoneAsync_RegisteredWithVerifiedPhone_ReturnsTheResident()
    {
        await Residents.SaveAsync(WithPhone(Resident("r1", Telegram("501")), "+380501234567", verified: true, registered: true), Ct);
        await Residents.SaveAsync(WithPhone(Resident("r2", Telegram("502")), "+380507654321", verified: true, registered: true), Ct);

        var found = await Residents.FindByVerifiedPhoneAsync("+380501234567", Ct);

        Assert.Equal("r1", found?.Id);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task FindByVerifiedPhoneAsync_PhoneUnverifiedOrResidentUnregistered_ReturnsNull(bool verified, bool registered)
    {
        await Residents.SaveAsync(WithPhone(Resident("r1", Telegram("501")), "+380501234567", verified, registered), Ct);

        var found = await Residents.FindByVerifiedPhoneAsync("+380501234567", Ct);

        Assert.Null(found);
    }

    [Fact]
    public async Task FindByVerifiedPhoneAsync_UnknownPhone_ReturnsNull()
    {
        await Residents.SaveAsync(WithPhone(Resident("r1", Telegram("501")), "+380501234567", verified: true, registered: true), Ct);

        var found = await Residents.FindByVerifiedPhoneAsync("+380500000000", Ct);

        Assert.Null(found);
    }

    private static Resident WithPhone(Resident resident, string phone, bool verified, bool registered)
    {
        resident.Phone = phone;
        resident.PhoneVerified = verified;
        resident.RegisteredAt = registered ? resident.CreatedAt.AddMinutes(5) : null;
        return resident;
    }
}
