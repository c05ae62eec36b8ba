using System.Diagnostics;
using Hromada.Core.Communities;
using Hromada.Core.Polls;
using Hromada.Core.Statuses;

namespace Hromada.Bench;

/// <summary>
/// A large LiteDB file (residents spread over the seeded communities, each community's polls answered
/// by half its residents) and the host on it: a tally straight from the store, the nightly status
/// recomputation over everyone, the host's peak memory, and what a resident waits for when they open
/// /polls and a poll they voted on (the totals).
/// </summary>
internal static class StoreBench
{
    private const long FirstResident = 500_000_001;
    private const int Samples = 20;
    private static readonly string[] Options = ["Так", "Ні", "Частково", "Не знаю"];
    private static readonly TimeSpan ReplyLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RecomputationTarget = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var residents = options.Int("residents", 100_000);
        var polls = options.Int("polls", 200);
        var ballots = options.Int("ballots", 1_000_000);
        var communities = CommunitySeed.All.Where(community => !community.IsNational).Select(community => community.Id).ToArray();
        var table = new ResultTable($"store: {residents:N0} residents in {communities.Length} communities, {polls} open polls, {ballots:N0} ballots");
        Machine.Describe(table);

        using var folder = new TempFolder();
        var database = options.Text("database") ?? Path.Combine(folder.Path, "hromada.db");
        var layout = new Layout(residents, polls, ballots, communities);
        if (layout.BallotsPerPoll > layout.ResidentsPerCommunity)
        {
            // More would be the same residents voting again: changed votes, which the statuses count otherwise.
            throw new BenchFailedException(
                $"A poll's ballots come from its community's residents, {layout.ResidentsPerCommunity:N0} here: " +
                $"--ballots may be at most {(long)layout.ResidentsPerCommunity * polls:N0} with these figures (the full-scale run casts half of that).");
        }

        if (!File.Exists(database))
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(database, layout, cancellationToken);
            table.Add("seeding through the store ports", $"{ResultTable.Format(seeding.Elapsed.TotalSeconds)} s");
        }

        table.Add("LiteDB file", $"{ResultTable.Format(new FileInfo(database).Length / 1024.0 / 1024.0)} MiB");
        var tallies = await TallyAllAsync(database, layout, cancellationToken);
        table
            .Add($"tally of one poll in the store ({layout.BallotsPerPoll:N0} ballots), p50", $"{ResultTable.Format(tallies.Percentile(50), "F1")} ms")
            .Add("tally of one poll in the store, max", $"{ResultTable.Format(tallies.Max, "F1")} ms");

        var (first, second, peak) = await RecomputeStatusesAsync(database, cancellationToken);
        table
            .Add("nightly status recomputation, first run", Summary(first), "< 60 s", first.Elapsed < RecomputationTarget)
            .Add("nightly status recomputation, second run (warm, nothing left to change)", Summary(second), "< 60 s", second.Elapsed < RecomputationTarget)
            .Add("bench process peak memory during the recomputations (before them)", $"{ResultTable.Format(peak.During)} MiB ({ResultTable.Format(peak.Before)} MiB)");

        await using var api = await FakeBotApi.StartAsync(TelegramLimits.None);
        var replies = new Replies();
        api.Sent += replies.Record;
        await using var host = await HostProcess.StartHostAsync(HostSettings(api, database), cancellationToken);
        var startedMemory = host.PeakMemoryMiB;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var listed = new List<double>();
        var shown = new List<double>();
        for (var sample = 0; sample < Samples; sample++)
        {
            // A resident who voted on the first poll of their community: the totals are theirs to see.
            var (resident, poll) = layout.VoterOfFirstPoll(sample);
            listed.Add(await TimeReplyAsync(client, host.Address, replies, TelegramUpdateJson.Text(resident, "/polls"), resident, cancellationToken));
            shown.Add(await TimeReplyAsync(client, host.Address, replies, TelegramUpdateJson.Callback(resident, $"poll:{poll}"), resident, cancellationToken));
        }

        var lists = new Latencies([.. listed]);
        var results = new Latencies([.. shown]);
        table
            .Add($"/polls ({layout.PollsPerCommunity} open polls, own answers marked), p50 / max", $"{ResultTable.Format(lists.Percentile(50))} / {ResultTable.Format(lists.Max)} ms")
            .Add("a voted poll with its totals, p50 / max", $"{ResultTable.Format(results.Percentile(50))} / {ResultTable.Format(results.Max)} ms")
            .Add("host memory after start", $"{ResultTable.Format(startedMemory)} MiB")
            .Add("host peak memory", $"{ResultTable.Format(host.PeakMemoryMiB)} MiB")
            .Print();
    }

    private static IEnumerable<(string, string)> HostSettings(FakeBotApi api, string database) =>
    [
        ("Storage:LiteDbPath", database),
        ("Telegram:Token", FakeBotApi.Token),
        ("Telegram:ApiBaseUrl", api.BaseAddress.ToString()),
        ("Telegram:WebhookUrl", "https://hromada.example.org/webhooks/telegram"),
        ("Telegram:WebhookSecret", WebhookBench.Secret),
        ("Outbox:Telegram:PerChatInterval", "00:00:00"),
        ("Logging:LogLevel:Default", "Warning"),
        ("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
    ];

    private static async Task SeedAsync(string database, Layout layout, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var stores = BenchStores.Open(database);
        await BenchStores.SeedAsync(
            "residents",
            layout.Residents,
            i => stores.Residents.SaveAsync(BenchStores.Resident(FirstResident + i, layout.CommunityOf(i), now), cancellationToken),
            cancellationToken);
        for (var p = 0; p < layout.Polls; p++)
        {
            await stores.Polls.SaveAsync(layout.Poll(p, now), cancellationToken);
        }

        await BenchStores.SeedAsync(
            "ballots",
            layout.Ballots,
            i =>
            {
                var (poll, resident, choice) = layout.Ballot(i);
                return stores.Ballots.CastAsync($"bench-poll-{poll}", $"bench-{FirstResident + resident}", [choice], now, cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>
    /// The nightly recomputation as the host's sweep runs it, over the whole file, twice: the first run
    /// stores the statuses the seeded ballots earn and queues the promotion notices; the second, warm
    /// (JIT, LiteDB's cache), finds nothing to change. It runs in this process, the host not started
    /// yet (one process holds a LiteDB file), so the peak memory is this process's, reset just before.
    /// </summary>
    private static async Task<(StatusRecount First, StatusRecount Second, (double Before, double During) Peak)> RecomputeStatusesAsync(
        string database, CancellationToken cancellationToken)
    {
        await using var stores = BenchStores.Open(database);
        var recomputation = stores.StatusRecomputation;
        var before = OwnMemory.ResetPeak();
        var first = await recomputation.RecomputeAsync(DateTimeOffset.UtcNow, cancellationToken);
        var second = await recomputation.RecomputeAsync(DateTimeOffset.UtcNow, cancellationToken);
        return (first, second, (before, OwnMemory.PeakMiB()));
    }

    private static string Summary(StatusRecount recount) =>
        $"{ResultTable.Format(recount.Elapsed.TotalSeconds, "F1")} s: {ResultTable.Format(recount.Residents, "N0")} residents, " +
        $"{ResultTable.Format(recount.Changed, "N0")} changed, {ResultTable.Format(recount.Promoted, "N0")} told of a promotion";

    private static async Task<Latencies> TallyAllAsync(string database, Layout layout, CancellationToken cancellationToken)
    {
        await using var stores = BenchStores.Open(database);
        var milliseconds = new List<double>();
        for (var p = 0; p < layout.Polls; p++)
        {
            var poll = await stores.Polls.GetAsync($"bench-poll-{p}", cancellationToken)
                ?? throw new BenchFailedException($"The file has no poll bench-poll-{p}: seeded with other figures? Delete it or pass a new --database.");
            var started = Stopwatch.GetTimestamp();
            await stores.Ballots.TallyAsync(poll, cancellationToken);
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Latencies([.. milliseconds]);
    }

    private static async Task<double> TimeReplyAsync(
        HttpClient client, Uri host, Replies replies, byte[] update, long resident, CancellationToken cancellationToken)
    {
        var reply = replies.Next(resident);
        var sent = Stopwatch.GetTimestamp();
        using var content = new ByteArrayContent(update);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "/webhooks/telegram")) { Content = content };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", WebhookBench.Secret);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        try
        {
            return Stopwatch.GetElapsedTime(sent, await reply.WaitAsync(ReplyLimit, cancellationToken)).TotalMilliseconds;
        }
        catch (TimeoutException)
        {
            throw new BenchFailedException($"No reply to resident {resident} within {ReplyLimit.TotalSeconds} s.");
        }
    }

    /// <summary>
    /// Who is where and voted what, computed rather than stored: resident i lives in community
    /// i mod n; poll p belongs to community p mod n; each poll's ballots come from the first
    /// residents of its community, in an order shuffled per poll, so every poll has its own voters.
    /// </summary>
    private sealed class Layout(int residents, int polls, int ballots, string[] communities)
    {
        public int Residents { get; } = residents;

        public int Polls { get; } = polls;

        public int Ballots { get; } = ballots;

        public int BallotsPerPoll => Ballots / Polls;

        public int PollsPerCommunity => (Polls + communities.Length - 1) / communities.Length;

        public int ResidentsPerCommunity => Residents / communities.Length;

        public string CommunityOf(int resident) => communities[resident % communities.Length];

        public Poll Poll(int p, DateTimeOffset now) => new()
        {
            Id = $"bench-poll-{p}",
            CommunityId = communities[p % communities.Length],
            Question = $"Опитування {p + 1}: чи підтримуєте ви облаштування велодоріжок у вашому районі?",
            Options = Options,
            Status = PollStatus.Open,
            OpensAt = now.AddDays(-1),
            ClosesAt = now.AddDays(30),
            CreatedAt = now.AddDays(-1),
        };

        /// <summary>Ballot i: poll i / per-poll, the k-th voter of that poll's community, a choice that varies.</summary>
        public (int Poll, int Resident, int Choice) Ballot(int i)
        {
            var poll = i / BallotsPerPoll;
            var k = i % BallotsPerPoll;
            return (poll, ResidentOf(poll, k), (i * 7 + poll) % Options.Length);
        }

        /// <summary>A resident who voted on the first poll of community <c>sample mod n</c>, and that poll.</summary>
        public (long TelegramUserId, string PollId) VoterOfFirstPoll(int sample)
        {
            var poll = sample % communities.Length;
            return (FirstResident + ResidentOf(poll, sample), $"bench-poll-{poll}");
        }

        /// <summary>The k-th voter of the poll: a resident of its community, by a per-poll stride that visits each once.</summary>
        private int ResidentOf(int poll, int k)
        {
            var community = poll % communities.Length;
            var within = (int)(((long)k * Stride(ResidentsPerCommunity) + poll) % ResidentsPerCommunity);
            return (within * communities.Length) + community;
        }

        /// <summary>A step coprime with the count, so k = 0..count-1 lands on distinct residents.</summary>
        private static int Stride(int count)
        {
            var stride = 7919;
            while (Gcd(stride, count) != 1)
            {
                stride += 2;
            }

            return stride;
        }

        private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
    }

    /// <summary>Replies the fake accepted, handed to whoever waits for the next one to a chat.</summary>
    private sealed class Replies
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, TaskCompletionSource<long>> _awaited = new();

        public Task<long> Next(long chatId)
        {
            var awaited = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited[chatId] = awaited;
            return awaited.Task;
        }

        public void Record(long chatId, string text, long at)
        {
            if (_awaited.TryRemove(chatId, out var awaited))
            {
                awaited.TrySetResult(at);
            }
        }
    }
}
