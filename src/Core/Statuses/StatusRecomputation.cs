using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Core.Spheres;
using Hromada.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Statuses;

/// <summary>What one recomputation did.</summary>
/// <param name="Residents">Registered residents looked at.</param>
/// <param name="Changed">Residents whose overall or sphere statuses changed and were stored.</param>
/// <param name="Promoted">Residents told of a promotion.</param>
public sealed record StatusRecount(int Residents, int Changed, int Promoted, TimeSpan Elapsed);

/// <summary>
/// Recomputes every registered resident's overall and sphere statuses from their participation
/// (DESIGN §5), stores those that changed, and tells residents of their promotions: a higher overall
/// status, or local expert or above in a sphere. (Responsible in a sphere can follow from one answered
/// poll in a sphere with few polls; /status shows it, a message would be noise.) A scheduled job
/// runs it nightly. Idempotent: a rerun stores and tells nothing new, and a rerun after a crash tells
/// nobody twice on the same day (the notice key holds the date and the statuses).
/// </summary>
/// <remarks>
/// Built for a national network: the polls are read once, each poll's ballots once (its tally and
/// majority computed as they are read, then only a few bytes kept per ballot), the residents a page
/// at a time; the changed statuses and the notices are written in batches of <c>batchSize</c>.
/// </remarks>
/// <param name="batchSize">How many changed residents (and their notices) are written together.</param>
public sealed partial class StatusRecomputation(
    IPollStore polls,
    IBallotStore ballots,
    IResidentStore residents,
    ProposalHistory proposals,
    ResidentNotifier notifier,
    StatusRules rules,
    TimeProvider time,
    ILogger<StatusRecomputation> logger,
    int batchSize = StatusRecomputation.DefaultBatchSize)
{
    public const int DefaultBatchSize = 1000;

    /// <param name="now">The moment the figures are computed at (the sweep's run time).</param>
    public async Task<StatusRecount> RecomputeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var book = new ParticipationBook(await polls.ListPutToVoteAsync(null, cancellationToken), rules, now);
        var answers = await ReadAnswersAsync(book, now, cancellationToken);
        var proposalsBy = (await proposals.ListSinceAsync(book.ProposalsCountFrom(null), null, cancellationToken))
            .ToLookup(proposal => proposal.ResidentId);
        var noticeKey = $"status:{KyivTime.ToKyiv(now):yyyy-MM-dd}";

        var looked = 0;
        var batch = new Batch();
        await foreach (var resident in residents.ListRegisteredAsync(null, cancellationToken))
        {
            looked++;
            var figures = book.FiguresOf(resident, answers.Of(resident.Id), [.. proposalsBy[resident.Id]]);
            var status = rules.StatusFor(figures.Overall);
            var sphereStatuses = figures.BySphere
                .Select(pair => (Sphere: pair.Key, Status: rules.StatusFor(pair.Value)))
                .Where(pair => pair.Status > ResidentStatus.Registered)
                .ToDictionary(pair => pair.Sphere, pair => pair.Status);
            if (status == resident.Status && SameStatuses(sphereStatuses, resident.SphereStatuses))
            {
                continue;
            }

            var promotions = Promotions(resident, status, sphereStatuses);
            if (promotions.Count > 0)
            {
                var key = $"{noticeKey}:{string.Join(',', promotions.Select(p => $"{p.Sphere ?? "overall"}={p.Status}"))}";
                batch.Notices.Add(new ResidentNotice(resident, key, language => Announcement(language, promotions), AfterQuietHours(resident, now)));
            }

            resident.Status = status;
            resident.SphereStatuses = sphereStatuses;
            batch.Changed.Add(resident);
            if (batch.Changed.Count == batchSize)
            {
                await FlushAsync(batch, cancellationToken);
            }
        }

        await FlushAsync(batch, cancellationToken);
        var recount = new StatusRecount(looked, batch.ChangedTotal, batch.PromotedTotal, time.GetElapsedTime(started));
        LogRecomputed(recount.Residents, recount.Changed, recount.Promoted, book.Polls.Count, recount.Elapsed);
        return recount;
    }

    /// <summary>
    /// Tells first, then stores: a crash between the two leaves the statuses to be found again by the
    /// next run, whose notices the outbox already holds under the same keys.
    /// </summary>
    private async Task FlushAsync(Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Notices.Count > 0)
        {
            await notifier.NotifyEachAsync(batch.Notices, OutboxPriority.Broadcast, cancellationToken);
        }

        if (batch.Changed.Count > 0)
        {
            await residents.SaveStatusesAsync(batch.Changed, cancellationToken);
        }

        batch.ChangedTotal += batch.Changed.Count;
        batch.PromotedTotal += batch.Notices.Count;
        batch.Changed.Clear();
        batch.Notices.Clear();
    }

    /// <summary>Each poll's ballots, read once: its majority (once closed) from their tally, then the few facts kept per ballot.</summary>
    private async Task<AnswerIndex> ReadAnswersAsync(ParticipationBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var index = new AnswerIndex();
        for (var pollIndex = 0; pollIndex < book.Polls.Count; pollIndex++)
        {
            var poll = book.Polls[pollIndex];
            var cast = await ballots.ListByPollAsync(poll.Id, cancellationToken).ToListAsync(cancellationToken);

            var majority = poll.StatusAt(now) == PollStatus.Closed
                ? PollMajority.Of(poll, PollTally.From(poll.Options.Count, cast.Select(ballot => ballot.Choices)))
                : null;
            foreach (var ballot in cast)
            {
                index.Add(ballot.ResidentId, new PollAnswer(pollIndex, ballot.Changes > 0, majority?.AgreesWith(ballot.Choices)));
            }
        }

        index.Seal();
        return index;
    }

    private static bool SameStatuses(Dictionary<string, ResidentStatus> computed, Dictionary<string, ResidentStatus> stored) =>
        computed.Count == stored.Count
        && computed.All(pair => stored.TryGetValue(pair.Key, out var status) && status == pair.Value);

    /// <summary>The rises to announce: overall (null sphere) first, then spheres reaching local expert or above, in their fixed order.</summary>
    private static List<(string? Sphere, ResidentStatus Status)> Promotions(
        Resident resident, ResidentStatus status, Dictionary<string, ResidentStatus> sphereStatuses)
    {
        var promotions = new List<(string? Sphere, ResidentStatus Status)>();
        if (status > resident.Status)
        {
            promotions.Add((null, status));
        }

        promotions.AddRange(Sphere.All
            .Where(sphere => sphereStatuses.GetValueOrDefault(sphere) is var reached and >= ResidentStatus.LocalExpert
                && reached > resident.SphereStatuses.GetValueOrDefault(sphere))
            .Select(sphere => ((string?)sphere, sphereStatuses[sphere])));
        return promotions;
    }

    /// <summary>The night's news waits for the end of the resident's quiet hours (null: it may go now).</summary>
    private static DateTimeOffset? AfterQuietHours(Resident resident, DateTimeOffset now) =>
        Subscription.Of(resident).QuietHours?.NextOutside(now) is { } deliverAt && deliverAt > now ? deliverAt : null;

    private static OutboundReply Announcement(Language language, List<(string? Sphere, ResidentStatus Status)> promotions)
    {
        var lines = promotions.Select(promotion => "• " + (promotion.Sphere is { } sphere
            ? Texts.Get(language, "Status_PromotedSphere", Texts.Get(language, $"Sphere_{sphere}"), Texts.Get(language, $"Status_{promotion.Status}"))
            : Texts.Get(language, "Status_PromotedOverall", Texts.Get(language, $"Status_{promotion.Status}"))));
        return new OutboundReply(Texts.Get(language, "Status_Promoted", string.Join('\n', lines)))
        {
            Buttons = [[new ReplyButton(Texts.Get(language, "Menu_Status"), "/status")]],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Statuses recomputed for {Residents} residents over {Polls} polls: {Changed} changed, {Promoted} told of a promotion, in {Elapsed}")]
    private partial void LogRecomputed(int residents, int changed, int promoted, int polls, TimeSpan elapsed);

    /// <summary>The changed residents and their notices waiting to be written, and what was written so far.</summary>
    private sealed class Batch
    {
        public List<Resident> Changed { get; } = [];

        public List<ResidentNotice> Notices { get; } = [];

        public int ChangedTotal { get; set; }

        public int PromotedTotal { get; set; }
    }

    /// <summary>
    /// Every resident's answers, kept compact: residents numbered as first met, and their answers in
    /// one array grouped by resident once all are read.
    /// </summary>
    private sealed class AnswerIndex
    {
        private readonly Dictionary<string, int> _residents = [];
        private readonly List<(int Resident, PollAnswer Answer)> _read = [];
        private int[] _starts = [0];
        private PollAnswer[] _answers = [];

        public void Add(string residentId, PollAnswer answer)
        {
            if (!_residents.TryGetValue(residentId, out var number))
            {
                _residents[residentId] = number = _residents.Count;
            }

            _read.Add((number, answer));
        }

        /// <summary>Groups the answers read by resident (a counting sort), then lets go of the list.</summary>
        public void Seal()
        {
            _starts = new int[_residents.Count + 1];
            foreach (var (resident, _) in _read)
            {
                _starts[resident + 1]++;
            }

            for (var resident = 0; resident < _residents.Count; resident++)
            {
                _starts[resident + 1] += _starts[resident];
            }

            _answers = new PollAnswer[_read.Count];
            var next = _starts[..^1];
            foreach (var (resident, answer) in _read)
            {
                _answers[next[resident]++] = answer;
            }

            _read.Clear();
            _read.TrimExcess();
        }

        public ReadOnlySpan<PollAnswer> Of(string residentId) =>
            _residents.TryGetValue(residentId, out var number)
                ? _answers.AsSpan(_starts[number], _starts[number + 1] - _starts[number])
                : [];
    }
}
