using Hromada.Core.Residents;

namespace Hromada.Persistence.Tests;

/// <summary>The resident reads and writes of the status sweep and of poll results by group.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task GetAsync_OptionalFieldsAndSphereStatuses_RoundTrip()
    {
        var resident = Registered("r1", "kamianske");
        resident.BirthYear = 1987;
        resident.Gender = Gender.PreferNotToSay;
        resident.SphereStatuses = new() { ["ecology"] = ResidentStatus.LocalExpert, ["human-rights"] = ResidentStatus.Responsible };
        await Residents.SaveAsync(resident, Ct);

        var found = await Residents.GetAsync("r1", Ct);

        Assert.Equal((1987, Gender.PreferNotToSay), (found?.BirthYear, found?.Gender));
        Assert.Equal(resident.SphereStatuses, found?.SphereStatuses);
    }

    [Fact]
    public async Task GetAsync_OptionalFieldsNotGiven_ReturnsNullsAndNoSphereStatuses()
    {
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);

        var found = await Residents.GetAsync("r1", Ct);

        Assert.Equal((null, null), (found?.BirthYear, found?.Gender));
        Assert.Empty(found!.SphereStatuses);
    }

    [Fact]
    public async Task GetManyAsync_NoIds_ReturnsNone()
    {
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);

        var found = await Residents.GetManyAsync([], Ct);

        Assert.Empty(found);
    }

    [Fact]
    public async Task ListRegisteredAsync_StatusesSavedWhileListing_ListsEveryResidentAndKeepsTheWrites()
    {
        for (var i = 0; i < 12; i++)
        {
            await Residents.SaveAsync(Registered($"r{i:D2}", "kamianske"), Ct);
        }

        var listed = 0;
        await foreach (var resident in Residents.ListRegisteredAsync(null, Ct))
        {
            resident.Status = ResidentStatus.Responsible;
            await Residents.SaveStatusesAsync([resident], Ct);
            listed++;
        }

        Assert.Equal(12, listed);
        Assert.Equal(ResidentStatus.Responsible, (await Residents.GetAsync("r11", Ct))?.Status);
    }

    [Fact]
    public async Task SaveStatusesAsync_Batch_StoresStatusesAndLeavesTheRestAsStored()
    {
        var stored = Registered("r1", "kamianske");
        stored.Name = "Олена";
        await Residents.SaveAsync(stored, Ct);
        await Residents.SaveAsync(Registered("r2", "kamianske"), Ct);
        var stale = Registered("r1", "kamianske");
        stale.Name = "Стара копія";
        stale.Status = ResidentStatus.LocalExpert;
        stale.SphereStatuses = new() { ["ecology"] = ResidentStatus.OpinionLeader };
        var other = Registered("r2", "kamianske");
        other.Status = ResidentStatus.Responsible;

        await Residents.SaveStatusesAsync([stale, other], Ct);

        var first = await Residents.GetAsync("r1", Ct);
        Assert.Equal(("Олена", ResidentStatus.LocalExpert), (first?.Name, first?.Status));
        Assert.Equal(stale.SphereStatuses, first?.SphereStatuses);
        Assert.Equal(ResidentStatus.Responsible, (await Residents.GetAsync("r2", Ct))?.Status);
    }

    [Fact]
    public async Task SaveStatusesAsync_ResidentDeletedMeanwhile_StaysDeleted()
    {
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);
        var resident = (await Residents.GetAsync("r1", Ct))!;
        await Residents.DeleteAsync("r1", Ct);
        resident.Status = ResidentStatus.Responsible;

        await Residents.SaveStatusesAsync([resident], Ct);

        Assert.Null(await Residents.GetAsync("r1", Ct));
    }

    [Fact]
    public async Task SaveStatusesAsync_EmptyBatch_ChangesNothing()
    {
        await Residents.SaveAsync(Registered("r1", "kamianske"), Ct);

        await Residents.SaveStatusesAsync([], Ct);

        Assert.Equal(ResidentStatus.Registered, (await Residents.GetAsync("r1", Ct))?.Status);
    }
}
