using Hromada.Core.Communities;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    protected static readonly Community Kamianske = new("kamianske", "Кам'янське", "Kamianske", "Дніпропетровська", "Dnipropetrovsk", "UA12040170000019699");
    private static readonly Community Ukraine = new(Community.NationalId, "Україна", "Ukraine", null, null, null, IsNational: true);

    [Fact]
    public async Task ListAsync_AfterUpsert_ReturnsAllOrderedById()
    {
        await Communities.UpsertAsync([Ukraine, Kamianske], Ct);

        var all = await Communities.ListAsync(Ct);

        Assert.Equal([Kamianske, Ukraine], all);
    }

    [Fact]
    public async Task UpsertAsync_ExistingId_ReplacesIt()
    {
        await Communities.UpsertAsync([Kamianske, Ukraine], Ct);
        var renamed = Kamianske with { NameEn = "Kamianske city", Katotth = null };

        await Communities.UpsertAsync([renamed], Ct);

        Assert.Equal(renamed, await Communities.GetAsync("kamianske", Ct));
        Assert.Equal(2, (await Communities.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        await Communities.UpsertAsync([Kamianske], Ct);

        var community = await Communities.GetAsync("atlantis", Ct);

        Assert.Null(community);
    }
}
