using Hromada.Core.Conversations;
using Hromada.Core.Events;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Sweeps;

/// <summary>
/// Sends the daily and weekly digests (<see cref="Digest"/>): once a period is due (<see cref="DigestPeriod.Latest"/>,
/// at <see cref="SchedulingOptions.DigestHour"/> Kyiv time, weekly on <see cref="SchedulingOptions.WeeklyDigestDay"/>),
/// one run walks the registered residents page by page and queues each subscriber of that frequency
/// what appeared in the period for their places and spheres; nothing when nothing did. A resident
/// whose quiet hours hold the moment gets it when they end. The period's key names each message, so a
/// resident gets one digest per period; the period is marked done after the walk, so later runs skip it
/// and a walk cut short is finished by the next run without repeats.
/// </summary>
public sealed partial class DigestSweep(
    IResidentStore residents,
    IEventStore events,
    IPollStore polls,
    ISweepStore sweeps,
    ResidentNotifier notifier,
    SchedulingOptions options,
    ILogger<DigestSweep> logger) : ISweep
{
    public const string Name = "Digests";

    public const int BatchSize = 500;

    /// <summary>Upcoming events read per place: far more than a community announces ahead, so none of a period's is missed.</summary>
    public const int EventsPerPlace = 1000;

    private static readonly Delivery[] Digests = [Delivery.DailyDigest, Delivery.WeeklyDigest];

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(15);

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new Dictionary<Delivery, DigestPeriod>();
        foreach (var delivery in Digests)
        {
            var period = DigestPeriod.Latest(delivery, now, options.DigestHour, options.WeeklyDigestDay)!;
            if (!await sweeps.IsDoneAsync(Name, period.Key, cancellationToken))
            {
                due[delivery] = period;
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var news = new News(events, polls, now);
        var queued = 0;
        await foreach (var page in residents.ListRegisteredAsync(null, cancellationToken).Chunk(BatchSize))
        {
            var notices = new List<ResidentNotice>();
            foreach (var resident in page)
            {
                var subscription = Subscription.Of(resident);
                if (resident.IsBlocked || !due.TryGetValue(subscription.Delivery, out var period))
                {
                    continue;
                }

                var (newEvents, newPolls) = await news.ForAsync(subscription.Places, cancellationToken);
                if (Digest.Compose(subscription, resident.Language, period, now, newEvents, newPolls) is { } digest)
                {
                    notices.Add(new ResidentNotice(resident, period.Key, _ => digest, subscription.NotBefore(now)));
                }
            }

            queued += await notifier.NotifyEachAsync(notices, OutboxPriority.Broadcast, cancellationToken);
        }

        foreach (var period in due.Values)
        {
            await sweeps.MarkDoneAsync(Name, period.Key, now, cancellationToken);
            LogSent(period.Key);
        }

        LogQueued(queued);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Period} sent")]
    private partial void LogSent(string period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digests queued for {Queued} residents")]
    private partial void LogQueued(int queued);

    /// <summary>
    /// The digest's candidates, the upcoming events and open polls, read once per place for the whole
    /// walk: residents share a few places (their community, the national level), not one each.
    /// </summary>
    private sealed class News(IEventStore events, IPollStore polls, DateTimeOffset now)
    {
        private readonly Dictionary<string, (IReadOnlyList<CivicEvent> Events, IReadOnlyList<Poll> Polls)> _byPlace = new(StringComparer.Ordinal);

        public async Task<(List<CivicEvent> Events, List<Poll> Polls)> ForAsync(
            IReadOnlyList<string> places, CancellationToken cancellationToken)
        {
            var found = (Events: new List<CivicEvent>(), Polls: new List<Poll>());
            foreach (var place in places)
            {
                if (!_byPlace.TryGetValue(place, out var news))
                {
                    _byPlace[place] = news = (
                        await events.ListUpcomingAsync([place], now, EventsPerPlace, cancellationToken),
                        await polls.ListOpenAsync([place], now, cancellationToken));
                }

                found.Events.AddRange(news.Events);
                found.Polls.AddRange(news.Polls);
            }

            return found;
        }
    }
}
