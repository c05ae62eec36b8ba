using Hromada.Core.Communities;
using Hromada.Core.Events;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset EventTime = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    protected static CivicEvent Event(string id, string communityId = "kamianske", DateTimeOffset? startsAt = null) => new()
    {
        Id = id,
        CommunityId = communityId,
        Type = EventType.PublicHearing,
        Title = $"Слухання {id}",
        StartsAt = startsAt ?? EventTime.AddDays(3),
        Place = "Міська рада, зала 2",
        CreatedBy = "moderator",
        CreatedAt = EventTime.AddDays(-1),
    };

    [Fact]
    public async Task GetAsync_SavedEvent_ReturnsEveryField()
    {
        var civicEvent = new CivicEvent
        {
            Id = "e1",
            CommunityId = "kamianske",
            Spheres = ["ecology", "housing"],
            Type = EventType.CommitteeMeeting,
            Title = "Засідання комісії з питань екології",
            Description = "Порядок денний: озеленення парку.",
            StartsAt = EventTime.AddDays(2),
            EndsAt = EventTime.AddDays(2).AddHours(2),
            Place = "вул. Соборна 1, Кам'янське",
            CreatedBy = "r-moderator",
            CreatedAt = EventTime,
            Cancelled = true,
        };
        await Events.SaveAsync(civicEvent, Ct);

        var found = await Events.GetAsync("e1", Ct);

        Assert.NotNull(found);
        Assert.Equal(civicEvent.Spheres, found.Spheres);
        Assert.Equal(civicEvent with { Spheres = found.Spheres }, found);
    }

    [Fact]
    public async Task GetAsync_EventWithoutEndOrDescription_ReturnsNulls()
    {
        await Events.SaveAsync(Event("e1"), Ct);

        var found = await Events.GetAsync("e1", Ct);

        Assert.Equal((null, null, false), (found?.EndsAt, found?.Description, found?.Cancelled));
        Assert.Empty(found!.Spheres);
    }

    [Fact]
    public async Task GetAsync_UnknownEventId_ReturnsNull()
    {
        await Events.SaveAsync(Event("e1"), Ct);

        var found = await Events.GetAsync("e404", Ct);

        Assert.Null(found);
    }

    [Fact]
    public async Task SaveAsync_ExistingEvent_ReplacesIt()
    {
        await Events.SaveAsync(Event("e1"), Ct);

        await Events.SaveAsync(Event("e1") with { Cancelled = true, Title = "Перенесено" }, Ct);

        var found = await Events.GetAsync("e1", Ct);
        Assert.Equal((true, "Перенесено"), (found?.Cancelled, found?.Title));
    }

    [Fact]
    public async Task ListUpcomingAsync_MixedEvents_ReturnsUpcomingOnesOfTheCommunitiesSoonestFirst()
    {
        await Events.SaveAsync(Event("later", startsAt: EventTime.AddDays(5)), Ct);
        await Events.SaveAsync(Event("sooner", startsAt: EventTime.AddHours(1)), Ct);
        await Events.SaveAsync(Event("national", Community.NationalId, EventTime.AddDays(2)), Ct);
        await Events.SaveAsync(Event("other-community", "lviv"), Ct);
        await Events.SaveAsync(Event("past", startsAt: EventTime.AddDays(-1)), Ct);
        await Events.SaveAsync(Event("starting-now", startsAt: EventTime), Ct);
        await Events.SaveAsync(Event("cancelled") with { Cancelled = true }, Ct);

        var upcoming = await Events.ListUpcomingAsync(["kamianske", Community.NationalId], EventTime, 10, Ct);

        Assert.Equal(["sooner", "national", "later"], upcoming.Select(e => e.Id));
    }

    [Fact]
    public async Task ListUpcomingAsync_MoreThanTheLimit_ReturnsTheSoonestWithTiesById()
    {
        for (var day = 5; day >= 1; day--)
        {
            await Events.SaveAsync(Event($"d{day}", startsAt: EventTime.AddDays(day)), Ct);
        }

        await Events.SaveAsync(Event("d1-second", startsAt: EventTime.AddDays(1)), Ct);

        var upcoming = await Events.ListUpcomingAsync(["kamianske"], EventTime, 3, Ct);

        Assert.Equal(["d1", "d1-second", "d2"], upcoming.Select(e => e.Id));
    }

    [Fact]
    public async Task ListStartingBetweenAsync_MixedEvents_ReturnsThoseOfEveryCommunityStartingInTheWindowSoonestFirst()
    {
        await Events.SaveAsync(Event("in-a-day", startsAt: EventTime.AddDays(1)), Ct);
        await Events.SaveAsync(Event("in-an-hour", "lviv", EventTime.AddHours(1)), Ct);
        await Events.SaveAsync(Event("national", Community.NationalId, EventTime.AddHours(5)), Ct);
        await Events.SaveAsync(Event("national-twin", Community.NationalId, EventTime.AddHours(5)), Ct);
        await Events.SaveAsync(Event("starting-now", startsAt: EventTime), Ct);
        await Events.SaveAsync(Event("after-the-window", startsAt: EventTime.AddDays(1).AddSeconds(1)), Ct);
        await Events.SaveAsync(Event("cancelled", startsAt: EventTime.AddHours(2)) with { Cancelled = true }, Ct);

        var starting = await Events.ListStartingBetweenAsync(EventTime, EventTime.AddDays(1), Ct);

        Assert.Equal(["in-an-hour", "national", "national-twin", "in-a-day"], starting.Select(e => e.Id));
    }
}
