using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Events;

public sealed class EventAnnouncerTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDatabase _database = new();

    // 11:00 in Kyiv.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public async Task Announce_Daytime_QueuesAtOnceForMatchingResidentsOnly()
    {
        await using var engine = await EngineHarness.StartAsync(_database.Path, _time);
        await SaveAsync(engine, Resident("olena", "kamianske", "ecology"));
        await SaveAsync(engine, Resident("taras", "kamianske", "health"));
        await SaveAsync(engine, Resident("petro", "lviv", "ecology"));
        await SaveAsync(engine, Resident("iryna", "kamianske", "ecology", subscription: new Subscription
        {
            Communities = ["kamianske"], Spheres = ["ecology"], Delivery = Delivery.DailyDigest,
        }));
        var registering = Resident("nadia", "kamianske", "ecology");
        registering.RegisteredAt = null;
        await SaveAsync(engine, registering);
        var civicEvent = Event("e1", "kamianske");

        var queued = await engine.Services<EventAnnouncer>().AnnounceAsync(civicEvent, None);

        Assert.Equal(1, queued);
        var message = Assert.Single(await QueuedAsync(engine, "olena"));
        Assert.Equal(EventMessages.Announcement(Language.Uk, civicEvent).Text, message.Reply.Text);
        Assert.Equal("/events e1", Assert.Single(message.Reply.Buttons.SelectMany(row => row)).Data);
        Assert.Null(message.NotBefore);
        Assert.Equal(OutboxPriority.Broadcast, message.Priority);
        foreach (var other in new[] { "taras", "petro", "iryna", "nadia" })
        {
            Assert.Empty(await QueuedAsync(engine, other));
        }
    }

    [Fact]
    public async Task Announce_AtNight_WaitsUntilEachResidentsQuietHoursEnd()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero)); // 23:00 in Kyiv
        await using var engine = await EngineHarness.StartAsync(_database.Path, _time);
        await SaveAsync(engine, Resident("olena", "kamianske", "ecology"));
        await SaveAsync(engine, Resident("mykola", "kamianske", "ecology", subscription: new Subscription
        {
            Communities = ["kamianske"], Spheres = ["ecology"], QuietHours = null,
        }));
        await SaveAsync(engine, Resident("oksana", "kamianske", "ecology", subscription: new Subscription
        {
            Communities = ["kamianske"], Spheres = ["ecology"], QuietHours = new QuietHours(23, 6),
        }));

        await engine.Services<EventAnnouncer>().AnnounceAsync(Event("e1", "kamianske"), None);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), Assert.Single(await QueuedAsync(engine, "olena")).NotBefore);
        Assert.Null(Assert.Single(await QueuedAsync(engine, "mykola")).NotBefore);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 4, 0, 0, TimeSpan.Zero), Assert.Single(await QueuedAsync(engine, "oksana")).NotBefore);
        var dueNow = await engine.Outbox.ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, None);
        Assert.Equal(["mykola"], dueNow.Select(message => message.ChatId));
    }

    [Fact]
    public async Task Announce_SameEventTwice_QueuesOneMessage()
    {
        await using var engine = await EngineHarness.StartAsync(_database.Path, _time);
        await SaveAsync(engine, Resident("olena", "kamianske", "ecology"));
        var civicEvent = Event("e1", "kamianske");
        var announcer = engine.Services<EventAnnouncer>();

        await announcer.AnnounceAsync(civicEvent, None);
        _time.Advance(TimeSpan.FromMinutes(10));
        await announcer.AnnounceAsync(civicEvent, None);

        Assert.Single(await QueuedAsync(engine, "olena"));
    }

    [Fact]
    public async Task Announce_NationalEventToMoreThanOnePage_ReachesEveryResidentOnce()
    {
        await using var engine = await EngineHarness.StartAsync(_database.Path, _time);
        var residents = Enumerable.Range(0, EventAnnouncer.PageSize + 5)
            .Select(i => Resident($"u{i:0000}", i % 2 == 0 ? "kamianske" : "lviv", "ecology"))
            .ToList();
        foreach (var resident in residents)
        {
            await SaveAsync(engine, resident);
        }

        var queued = await engine.Services<EventAnnouncer>().AnnounceAsync(Event("e1", Community.NationalId), None);

        Assert.Equal(residents.Count, queued);
        var claimed = await engine.Outbox.ClaimDueAsync(Now, TimeSpan.FromMinutes(1), residents.Count + 10, None);
        Assert.Equal(residents.Select(resident => resident.Id).Order(), claimed.Select(message => message.ChatId).Order());
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, -1)]
    public async Task Announce_CancelledOrBegunEvent_QueuesNothing(bool cancelled, int startsInHours)
    {
        await using var engine = await EngineHarness.StartAsync(_database.Path, _time);
        await SaveAsync(engine, Resident("olena", "kamianske", "ecology"));
        var civicEvent = Event("e1", "kamianske") with { Cancelled = cancelled, StartsAt = Now.AddHours(startsInHours) };

        var queued = await engine.Services<EventAnnouncer>().AnnounceAsync(civicEvent, None);

        Assert.Equal(0, queued);
        Assert.Empty(await QueuedAsync(engine, "olena"));
    }

    private CivicEvent Event(string id, string communityId) => new()
    {
        Id = id,
        CommunityId = communityId,
        Spheres = ["ecology"],
        Type = EventType.PublicHearing,
        Title = "Слухання щодо парку",
        StartsAt = Now.AddDays(2),
        Place = "Міська рада",
        CreatedBy = "moderator",
        CreatedAt = Now,
    };

    private Resident Resident(string user, string communityId, string sphere, Subscription? subscription = null) => new()
    {
        Id = user,
        Identities = [new ChannelIdentity(ChannelKind.Dev, user, user)],
        Name = "Мешканець",
        CommunityId = communityId,
        Spheres = [sphere],
        CreatedAt = Now.AddDays(-10),
        RegisteredAt = Now.AddDays(-10),
        Subscription = subscription,
    };

    private static Task SaveAsync(EngineHarness engine, Resident resident) => engine.Residents.SaveAsync(resident, None);

    private static Task<IReadOnlyList<OutboxMessage>> QueuedAsync(EngineHarness engine, string user) =>
        engine.Outbox.ListForChatAsync(ChannelKind.Dev, user, 0, None);
}
