using Hromada.Core.Residents;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    /// <summary>A registered resident of the community, interested in ecology; the one fixture the resident-list tests share.</summary>
    private static Resident Registered(string id, string? communityId, ResidentStatus status = ResidentStatus.Registered)
    {
        var resident = Resident(id, Telegram($"t-{id}"));
        resident.CommunityId = communityId;
        resident.Spheres = ["ecology"];
        resident.Status = status;
        resident.RegisteredAt = resident.CreatedAt.AddMinutes(5);
        return resident;
    }

    private static Resident Unregistered(string id, string communityId)
    {
        var resident = Resident(id, Telegram($"t-{id}"));
        resident.CommunityId = communityId;
        return resident;
    }

    [Fact]
    public async Task ListRegisteredAsync_Community_StreamsItsRegisteredResidentsOnly()
    {
        var expected = new List<string>();
        for (var i = 0; i < 1105; i++)
        {
            var id = $"r{i:D5}";
            var community = i % 3 == 0 ? "lviv" : "kamianske";
            await Residents.SaveAsync(Registered(id, community), Ct);
            if (community == "kamianske")
            {
                expected.Add(id);
            }
        }

        await Residents.SaveAsync(Unregistered("unregistered", "kamianske"), Ct);

        var listed = new List<string>();
        await foreach (var resident in Residents.ListRegisteredAsync("kamianske", Ct))
        {
            listed.Add(resident.Id);
        }

        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListRegisteredAsync_NoCommunity_StreamsEveryRegisteredResidentWithTheirIdentities()
    {
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);
        await Residents.SaveAsync(Registered("r2", null), Ct);
        await Residents.SaveAsync(Registered("r3", "ukraine"), Ct);
        await Residents.SaveAsync(Resident("r4", Telegram("t4")), Ct);

        var listed = new List<Resident>();
        await foreach (var resident in Residents.ListRegisteredAsync(null, Ct))
        {
            listed.Add(resident);
        }

        Assert.Equal(["r1", "r2", "r3"], listed.Select(resident => resident.Id).Order(StringComparer.Ordinal));
        Assert.Equal("t-r1", listed.Single(resident => resident.Id == "r1").Identities.Single().PlatformUserId);
    }

    [Fact]
    public async Task GetManyAsync_SomeUnknown_ReturnsTheKnownOnes()
    {
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);
        await Residents.SaveAsync(Registered("r2", "lviv"), Ct);

        var found = await Residents.GetManyAsync(["r2", "r9", "r1"], Ct);

        Assert.Equal(["r1", "r2"], found.Select(resident => resident.Id).Order(StringComparer.Ordinal));
    }
}
