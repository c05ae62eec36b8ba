using Hromada.Core.Residents;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset LinkIssuedAt = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LinkExpiresAt = LinkIssuedAt.AddMinutes(10);

    [Fact]
    public async Task TakeAsync_SavedCode_ReturnsItOnce()
    {
        var code = new LinkCode("482913", "r1", LinkExpiresAt);
        await LinkCodes.SaveAsync(code, Ct);

        var first = await LinkCodes.TakeAsync("482913", LinkIssuedAt.AddMinutes(1), Ct);
        var second = await LinkCodes.TakeAsync("482913", LinkIssuedAt.AddMinutes(1), Ct);

        Assert.Equal(code, first);
        Assert.Null(second);
    }

    [Fact]
    public async Task TakeAsync_SameCodeConcurrently_ReturnsItToOneCaller()
    {
        await LinkCodes.SaveAsync(new LinkCode("482913", "r1", LinkExpiresAt), Ct);

        var taken = await RunConcurrentlyAsync(10, _ => LinkCodes.TakeAsync("482913", LinkIssuedAt, Ct));

        Assert.Single(taken, code => code is not null);
    }

    [Fact]
    public async Task TakeAsync_AtOrAfterExpiry_ReturnsNull()
    {
        await LinkCodes.SaveAsync(new LinkCode("482913", "r1", LinkExpiresAt), Ct);
        await LinkCodes.SaveAsync(new LinkCode("771002", "r2", LinkExpiresAt), Ct);

        var atExpiry = await LinkCodes.TakeAsync("482913", LinkExpiresAt, Ct);
        var afterExpiry = await LinkCodes.TakeAsync("771002", LinkExpiresAt.AddSeconds(1), Ct);

        Assert.Null(atExpiry);
        Assert.Null(afterExpiry);
    }

    [Fact]
    public async Task TakeAsync_UnknownCode_ReturnsNull()
    {
        await LinkCodes.SaveAsync(new LinkCode("482913", "r1", LinkExpiresAt), Ct);

        var taken = await LinkCodes.TakeAsync("000000", LinkIssuedAt, Ct);

        Assert.Null(taken);
    }

    [Fact]
    public async Task SaveAsync_SecondCodeOfTheResident_ReplacesTheFirst()
    {
        await LinkCodes.SaveAsync(new LinkCode("482913", "r1", LinkExpiresAt), Ct);
        var replacement = new LinkCode("550117", "r1", LinkExpiresAt.AddMinutes(5));

        await LinkCodes.SaveAsync(replacement, Ct);

        Assert.Null(await LinkCodes.TakeAsync("482913", LinkIssuedAt, Ct));
        Assert.Equal(replacement, await LinkCodes.TakeAsync("550117", LinkIssuedAt, Ct));
    }

    [Fact]
    public async Task SaveAsync_CodesOfTwoResidents_KeepsBoth()
    {
        await LinkCodes.SaveAsync(new LinkCode("482913", "r1", LinkExpiresAt), Ct);

        await LinkCodes.SaveAsync(new LinkCode("550117", "r2", LinkExpiresAt), Ct);

        Assert.Equal("r1", (await LinkCodes.TakeAsync("482913", LinkIssuedAt, Ct))?.ResidentId);
        Assert.Equal("r2", (await LinkCodes.TakeAsync("550117", LinkIssuedAt, Ct))?.ResidentId);
    }

    [Fact]
    public async Task SaveAsync_LiveCodeOfAnotherResident_ThrowsAndKeepsTheOwner()
    {
        await LinkCodes.SaveAsync(new LinkCode("482913", "r1", LinkExpiresAt), Ct);

        var save = () => LinkCodes.SaveAsync(new LinkCode("482913", "r2", LinkExpiresAt), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(save);
        Assert.Equal("r1", (await LinkCodes.TakeAsync("482913", LinkIssuedAt, Ct))?.ResidentId);
    }
}
