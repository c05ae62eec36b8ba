using Hromada.Bots.Tests.Api;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Hromada.Core.Sweeps;

namespace Hromada.Bots.Tests.Scheduling;

/// <summary>
/// The daily and weekly digests, run at a fake time on the real host and store. The host starts at
/// 11:00 Kyiv time (09:00 UTC) on Monday 23 November 2026, two hours after the digests fell due: the
/// daily one covers from Sunday 09:00, the weekly one from the Monday before; the default quiet hours
/// are 22:00–08:00.
/// </summary>
public sealed class DigestSweepTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Sunday = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayAfternoon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly ApiHost _host = ApiHost.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_DailyAndWeeklySubscribers_SendsEachOneDigestOfTheirPeriod()
    {
        var olena = await SubscriberAsync("olena", Delivery.DailyDigest);
        var taras = await SubscriberAsync("taras", Delivery.WeeklyDigest, Language.En);
        var iryna = await SubscriberAsync("iryna", Delivery.AtOnce);
        CivicEvent[] events =
        [
            await EventAsync("sunday", createdAt: Sunday),
            await EventAsync("national", createdAt: Sunday.AddHours(3), communityId: Community.NationalId),
            await EventAsync("lviv", createdAt: Sunday, communityId: "lviv"),
            await EventAsync("after-nine", createdAt: _host.Clock.GetUtcNow().AddHours(-1)),
        ];
        var poll = await _host.PollAsync("p1", openedAgo: TimeSpan.FromDays(5));
        var runAt = _host.Clock.GetUtcNow();

        await Runner().RunAsync(DigestSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(15));
        await Runner().RunAsync(DigestSweep.Name, Ct);

        var daily = Assert.Single(await _host.MessagesToAsync(olena));
        var dailyPeriod = DigestPeriod.Latest(Delivery.DailyDigest, runAt, 9, DayOfWeek.Monday)!;
        Assert.Equal(Digest.Compose(Subscription.Of(olena), Language.Uk, dailyPeriod, runAt, events, [poll])!.Text, daily.Reply.Text);
        Assert.Contains(events[0].Title, daily.Reply.Text, StringComparison.Ordinal);
        Assert.Contains(events[1].Title, daily.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(events[2].Title, daily.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(events[3].Title, daily.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(poll.Question, daily.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(("digest:daily:2026-11-23:r-olena", OutboxPriority.Broadcast, null), (daily.IdempotencyKey, daily.Priority, daily.NotBefore));
        var weekly = Assert.Single(await _host.MessagesToAsync(taras));
        Assert.StartsWith(Texts.Get(Language.En, "Digest_Title", "16.11.2026 09:00"), weekly.Reply.Text, StringComparison.Ordinal);
        Assert.Contains(events[0].Title, weekly.Reply.Text, StringComparison.Ordinal);
        Assert.Contains(poll.Question, weekly.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("digest:weekly:2026-W48:r-taras", weekly.IdempotencyKey);
        Assert.Empty(await _host.MessagesToAsync(iryna));
    }

    [Fact]
    public async Task RunAsync_NothingNewForASubscriber_SendsThemNothing()
    {
        var olena = await SubscriberAsync("olena", Delivery.DailyDigest);
        var taras = await SubscriberAsync("taras", Delivery.WeeklyDigest);
        await EventAsync("thursday", createdAt: Sunday.AddDays(-3));

        await Runner().RunAsync(DigestSweep.Name, Ct);

        Assert.Empty(await _host.MessagesToAsync(olena));
        Assert.Single(await _host.MessagesToAsync(taras));
        Assert.True(await _host.Get<ISweepStore>().IsDoneAsync(DigestSweep.Name, "digest:daily:2026-11-23", Ct));
    }

    [Fact]
    public async Task RunAsync_NextDay_SendsOnlyWhatAppearedSinceAtTheDigestHour()
    {
        var olena = await SubscriberAsync("olena", Delivery.DailyDigest);
        var taras = await SubscriberAsync("taras", Delivery.WeeklyDigest);
        var first = await EventAsync("first", createdAt: Sunday);
        await Runner().RunAsync(DigestSweep.Name, Ct);
        var second = await EventAsync("second", createdAt: MondayAfternoon);

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 6, 50, 0, TimeSpan.Zero));
        await Runner().RunAsync(DigestSweep.Name, Ct);
        var beforeNine = await _host.MessagesToAsync(olena);
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 7, 10, 0, TimeSpan.Zero));
        await Runner().RunAsync(DigestSweep.Name, Ct);

        Assert.Single(beforeNine);
        var digests = await _host.MessagesToAsync(olena);
        Assert.Equal(2, digests.Count);
        Assert.Contains(second.Title, digests[1].Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Title, digests[1].Reply.Text, StringComparison.Ordinal);
        Assert.Equal("digest:daily:2026-11-24:r-olena", digests[1].IdempotencyKey);
        Assert.Single(await _host.MessagesToAsync(taras));
    }

    [Fact]
    public async Task RunAsync_RestartBetweenTheDigestHourAndTheRun_SendsTheDigestOnce()
    {
        var olena = await SubscriberAsync("olena", Delivery.DailyDigest);
        await EventAsync("first", createdAt: Sunday);
        await Runner().RunAsync(DigestSweep.Name, Ct);
        var second = await EventAsync("second", createdAt: MondayAfternoon);
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

        await _host.Host.RestartAsync();
        await Runner().RunAsync(DigestSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(15));
        await Runner().RunAsync(DigestSweep.Name, Ct);

        var digests = await _host.MessagesToAsync(olena);
        Assert.Equal(2, digests.Count);
        Assert.Contains(second.Title, digests[1].Reply.Text, StringComparison.Ordinal);
    }

    /// <summary>09:05 Kyiv: a resident quiet until 10:00 gets the digest at 10:00, one with the default hours at once.</summary>
    [Fact]
    public async Task RunAsync_DigestHourInsideQuietHours_HoldsTheDigestUntilTheyEnd()
    {
        var sleeper = await SubscriberAsync("sleeper", Delivery.DailyDigest, quietHours: new QuietHours(0, 10));
        var olena = await SubscriberAsync("olena", Delivery.DailyDigest, Language.En);
        await EventAsync("monday", createdAt: MondayAfternoon);
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 7, 5, 0, TimeSpan.Zero));

        await Runner().RunAsync(DigestSweep.Name, Ct);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), Assert.Single(await _host.MessagesToAsync(sleeper)).NotBefore);
        Assert.Null(Assert.Single(await _host.MessagesToAsync(olena)).NotBefore);
    }

    /// <summary>The host was down all day and first runs at 00:30 Kyiv: the day's digest waits for 08:00.</summary>
    [Fact]
    public async Task RunAsync_LateRunAfterMidnight_HoldsTheDigestUntilTheMorning()
    {
        var olena = await SubscriberAsync("olena", Delivery.DailyDigest);
        await EventAsync("sunday", createdAt: Sunday);
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero));

        await Runner().RunAsync(DigestSweep.Name, Ct);

        var digest = Assert.Single(await _host.MessagesToAsync(olena));
        Assert.Equal("digest:daily:2026-11-23:r-olena", digest.IdempotencyKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), digest.NotBefore);
    }

    [Fact]
    public async Task RunAsync_BlockedUnreachableOrUnregisteredSubscribers_SkipsThem()
    {
        var blocked = await SubscriberAsync("blocked", Delivery.DailyDigest, blocked: true);
        var unreachable = await SubscriberAsync("unreachable", Delivery.DailyDigest, reachable: false);
        var unregistered = await SubscriberAsync("unregistered", Delivery.DailyDigest, registered: false);
        var olena = await SubscriberAsync("olena", Delivery.DailyDigest);
        await EventAsync("sunday", createdAt: Sunday);

        var ran = await Runner().RunAsync(DigestSweep.Name, Ct);

        Assert.True(ran);
        Assert.Single(await _host.MessagesToAsync(olena));
        Assert.Empty(await _host.MessagesToAsync(blocked));
        Assert.Empty(await _host.MessagesToAsync(unreachable));
        Assert.Empty(await _host.MessagesToAsync(unregistered));
    }

    /// <summary>More residents than one page of the walk.</summary>
    [Fact]
    public async Task RunAsync_ManyResidents_SendsEachDailySubscriberExactlyOneDigest()
    {
        var residents = new List<(Resident Resident, bool Daily)>();
        for (var i = 0; i < DigestSweep.BatchSize + 100; i++)
        {
            var daily = i % 2 == 0;
            residents.Add((await SubscriberAsync($"resident{i:D4}", daily ? Delivery.DailyDigest : Delivery.AtOnce), daily));
        }

        await EventAsync("sunday", createdAt: Sunday);

        await Runner().RunAsync(DigestSweep.Name, Ct);
        await Runner().RunAsync(DigestSweep.Name, Ct);

        foreach (var (resident, daily) in residents)
        {
            Assert.Equal(daily ? 1 : 0, (await _host.MessagesToAsync(resident)).Count);
        }
    }

    private async Task<Resident> SubscriberAsync(
        string userId,
        Delivery delivery,
        Language language = Language.Uk,
        QuietHours? quietHours = null,
        bool registered = true,
        bool reachable = true,
        bool blocked = false)
    {
        var resident = await _host.ResidentAsync(userId, registered: registered, reachable: reachable, language: language);
        resident.Subscription = new Subscription { Communities = ["kamianske"], Delivery = delivery, QuietHours = quietHours ?? QuietHours.Default };
        resident.BlockedAt = blocked ? _host.Clock.GetUtcNow() : null;
        await _host.Get<IResidentStore>().SaveAsync(resident, Ct);
        return resident;
    }

    private async Task<CivicEvent> EventAsync(string id, DateTimeOffset createdAt, string communityId = "kamianske")
    {
        var civicEvent = new CivicEvent
        {
            Id = id,
            CommunityId = communityId,
            Type = EventType.Consultation,
            Title = $"Консультація щодо бюджету ({id})",
            StartsAt = createdAt.AddDays(7),
            Place = "онлайн",
            CreatedBy = "r-moderator",
            CreatedAt = createdAt,
        };
        await _host.Get<IEventStore>().SaveAsync(civicEvent, Ct);
        return civicEvent;
    }

    private SweepRunner Runner() => _host.Get<SweepRunner>();
}
