using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task GetAsync_ResidentWithSubscription_ReturnsIt()
    {
        var resident = Registered("r1", "kamianske");
        resident.Subscription = new Subscription
        {
            Spheres = ["ecology", "transport"],
            Communities = ["lviv", "kamianske"],
            Delivery = Delivery.WeeklyDigest,
            QuietHours = new QuietHours(23, 7),
        };
        await Residents.SaveAsync(resident, Ct);

        var found = (await Residents.GetAsync("r1", Ct))?.Subscription;

        Assert.NotNull(found);
        Assert.Equal(resident.Subscription.Spheres, found.Spheres);
        Assert.Equal(resident.Subscription.Communities, found.Communities);
        Assert.Equal((Delivery.WeeklyDigest, new QuietHours(23, 7)), (found.Delivery, found.QuietHours));
    }

    [Fact]
    public async Task GetAsync_SubscriptionWithQuietHoursOff_ReturnsNoQuietHours()
    {
        var resident = Registered("r1", "kamianske");
        resident.Subscription = new Subscription { Spheres = ["it"], QuietHours = null };
        await Residents.SaveAsync(resident, Ct);

        var found = (await Residents.GetAsync("r1", Ct))?.Subscription;

        Assert.NotNull(found);
        Assert.Null(found.QuietHours);
        Assert.Empty(found.Communities);
    }

    [Fact]
    public async Task GetAsync_ResidentWithoutSubscription_ReturnsNone()
    {
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);

        var found = await Residents.GetAsync("r1", Ct);

        Assert.Null(found?.Subscription);
    }

    [Fact]
    public async Task ListFollowingAsync_Community_ReturnsRegisteredFollowersById()
    {
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);
        var subscribedFromElsewhere = Registered("r2", "dnipro");
        subscribedFromElsewhere.Subscription = new Subscription { Communities = ["lviv", "kamianske"] };
        await Residents.SaveAsync(subscribedFromElsewhere, Ct);
        var unsubscribedFromHome = Registered("r3", "kamianske");
        unsubscribedFromHome.Subscription = new Subscription { Communities = ["lviv"] };
        await Residents.SaveAsync(unsubscribedFromHome, Ct);
        var stillRegistering = Registered("r4", "kamianske");
        stillRegistering.RegisteredAt = null;
        await Residents.SaveAsync(stillRegistering, Ct);
        await Residents.SaveAsync(Registered("r5", "lviv"), Ct);

        var kamianske = await Residents.ListFollowingAsync(["kamianske"], null, 10, Ct);
        var lviv = await Residents.ListFollowingAsync(["lviv", "odesa"], null, 10, Ct);

        Assert.Equal(["r1", "r2"], kamianske.Select(resident => resident.Id));
        Assert.Equal(["r2", "r3", "r5"], lviv.Select(resident => resident.Id));
    }

    [Fact]
    public async Task ListFollowingAsync_EveryCommunity_ReturnsEveryRegisteredResident()
    {
        await Residents.SaveAsync(Registered("r2", "lviv"), Ct);
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);
        var stillRegistering = Resident("r3", Telegram("503"));
        await Residents.SaveAsync(stillRegistering, Ct);

        var everyone = await Residents.ListFollowingAsync(null, null, 10, Ct);

        Assert.Equal(["r1", "r2"], everyone.Select(resident => resident.Id));
    }

    [Fact]
    public async Task ListFollowingAsync_PagedByLastId_ReturnsEachFollowerOnceInOrder()
    {
        for (var i = 7; i >= 1; i--)
        {
            await Residents.SaveAsync(Registered($"r{i}", "kamianske"), Ct);
        }

        await Residents.SaveAsync(Registered("r8", "lviv"), Ct);

        var pages = new List<IReadOnlyList<Resident>>();
        string? after = null;
        do
        {
            pages.Add(await Residents.ListFollowingAsync(["kamianske"], after, 3, Ct));
            after = pages[^1].Count > 0 ? pages[^1][^1].Id : after;
        }
        while (pages[^1].Count == 3);

        Assert.Equal([3, 3, 1], pages.Select(page => page.Count));
        Assert.Equal(["r1", "r2", "r3", "r4", "r5", "r6", "r7"], pages.SelectMany(page => page).Select(resident => resident.Id));
    }
}
