using Hromada.Core.Communities;
using Hromada.Core.Localization;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Communities;

public sealed class CommunityDirectoryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("кам", "kamianske")]
    [InlineData("Кам’янське", "kamianske")]
    [InlineData("КАМʼЯН", "kamianske")]
    [InlineData("kyiv", "kyiv")]
    [InlineData("  Одеса ", "odesa")]
    [InlineData("націон", Community.NationalId)]
    public async Task Search_PartOfName_FindsCommunity(string part, string expected)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, new FakeTimeProvider());
        var directory = bot.Services<CommunityDirectory>();

        var found = directory.Search(part, 8);

        Assert.Contains(found, community => community.Id == expected);
    }

    [Fact]
    public async Task Search_Nothing_FindsNothing()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, new FakeTimeProvider());

        Assert.Empty(bot.Services<CommunityDirectory>().Search("   ", 8));
    }

    [Fact]
    public async Task Start_SeedsEveryCommunityOnce()
    {
        await using (await EngineHarness.StartAsync(_database.Path, new FakeTimeProvider()))
        {
        }

        await using var restarted = await EngineHarness.StartAsync(_database.Path, new FakeTimeProvider());

        var all = restarted.Services<CommunityDirectory>().All;
        Assert.Equal(CommunitySeed.All.Count, all.Count);
        Assert.Equal("Kamianske", CommunityDirectory.NameOf(all.Single(c => c.Id == "kamianske"), Language.En));
    }
}
