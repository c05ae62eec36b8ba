using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Hromada.Core.Conversations;

namespace Hromada.Bench;

/// <summary>
/// A broadcast to every resident through the outbox, against a fake Bot API that enforces Telegram's
/// limits, while some residents keep writing to the bot. There is no broadcast feature yet, so the
/// broadcast is what one would store: a Broadcast-priority outbox message per resident, added through
/// IOutboxStore before the host starts. The host's outbox limits are set to the fake's.
/// </summary>
internal static class BroadcastBench
{
    private const long FirstResident = 900_000_001;
    private const string BroadcastText = "📢 Громадські слухання щодо бюджету участі — 15 травня о 18:00 у міській раді. Приходьте!";
    private const string Question = "Коли буде наступне засідання?";
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var residents = options.Int("residents", 100_000);
        var rate = options.Int("rate", 1000);
        var perChat = options.Time("per-chat", TimeSpan.FromSeconds(1));
        var writers = Math.Min(options.Int("writers", 200), residents);
        var slots = options.Int("slots", 16);
        var limits = new TelegramLimits(rate, perChat, Burst: Math.Max(rate / 20, 1));
        var table = new ResultTable(
            $"broadcast: {residents:N0} residents, {rate}/s bot-wide and one per {perChat.TotalSeconds:0.##} s per chat (fake and host alike), {writers} residents writing meanwhile");
        Machine.Describe(table);

        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "hromada.db");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(database, residents, writers, cancellationToken);
        table.Add("seeding (writers + broadcast through the store ports)", $"{ResultTable.Format(seeding.Elapsed.TotalSeconds)} s");

        await using var api = await FakeBotApi.StartAsync(limits);
        var watch = new Deliveries(residents);
        api.Sent += watch.Record;
        var settings = HostSettings(api, database, rate, perChat, slots);
        await using var host = await HostProcess.StartHostAsync(settings, cancellationToken);

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var replyLatencies = new ConcurrentBag<double>();
        var writing = Enumerable.Range(0, writers)
            .Select(i => WriteAsync(client, host.Address, FirstResident + i, watch, replyLatencies, stopWriting.Token))
            .ToList();
        var complete = await watch.WaitForAllAsync(Stall, cancellationToken);
        await stopWriting.CancelAsync();
        await Task.WhenAll(writing);

        var window = watch.BroadcastWindow;
        var achieved = watch.SendsWithin(window.From, window.To) / Stopwatch.GetElapsedTime(window.From, window.To).TotalSeconds;
        var share = achieved / rate;
        var replies = new Latencies([.. replyLatencies]);
        table
            .Add("broadcast delivered", complete ? $"{residents:N0} residents in {ResultTable.Format(Stopwatch.GetElapsedTime(window.From, window.To).TotalSeconds, "F1")} s" : $"INCOMPLETE: {watch.Reached:N0} of {residents:N0}")
            .Add("achieved rate (all sends, first to last broadcast message)", $"{ResultTable.Format(achieved)}/s = {ResultTable.Format(share * 100, "F1")} % of {rate}/s", ">= 97 %", share >= 0.97)
            .Add("429 answers received (per chat / bot-wide)", $"{api.Refused} ({api.RefusedForChat} / {api.RefusedForBot})", "0", api.Refused == 0)
            .Add("residents who got the broadcast twice or more", ResultTable.Format(watch.Duplicates), "0", watch.Duplicates == 0)
            .Add("residents who never got it", ResultTable.Format(residents - watch.Reached), "0", watch.Reached == residents)
            .Add("replies to residents writing meanwhile", ResultTable.Format(replies.Count))
            .Add("reply latency p50", $"{ResultTable.Format(replies.Percentile(50))} ms")
            .Add("reply latency p95", $"{ResultTable.Format(replies.Percentile(95))} ms")
            .Add("host peak memory", $"{ResultTable.Format(host.PeakMemoryMiB)} MiB")
            .Print();
    }

    private static IEnumerable<(string, string)> HostSettings(FakeBotApi api, string database, int rate, TimeSpan perChat, int slots) =>
    [
        ("Storage:LiteDbPath", database),
        ("Telegram:Token", FakeBotApi.Token),
        ("Telegram:ApiBaseUrl", api.BaseAddress.ToString()),
        ("Telegram:WebhookUrl", "https://hromada.example.org/webhooks/telegram"),
        ("Telegram:WebhookSecret", WebhookBench.Secret),
        ("Outbox:Telegram:MessagesPerSecond", rate.ToString(CultureInfo.InvariantCulture)),
        ("Outbox:Telegram:PerChatInterval", perChat.ToString()),
        ("Outbox:MaxConcurrency", slots.ToString(CultureInfo.InvariantCulture)),
        ("Logging:LogLevel:Default", "Warning"),
        ("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
    ];

    /// <summary>
    /// One Broadcast-priority outbox message per resident, and the writers as registered residents.
    /// The dispatcher reads nothing but the outbox, so the other residents' records are left out:
    /// storing 100,000 of them one by one through the port would take longer than the broadcast.
    /// </summary>
    private static async Task SeedAsync(string database, int residents, int writers, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var stores = BenchStores.Open(database);
        await BenchStores.SeedAsync(
            "writers", writers, i => stores.Residents.SaveAsync(BenchStores.Resident(FirstResident + i, "kamianske", now), cancellationToken), cancellationToken);
        var broadcast = Enumerable.Range(0, residents)
            .Select(i => (FirstResident + i).ToString(CultureInfo.InvariantCulture))
            .Select(chat => new OutboxMessage(0, $"broadcast:bench:{chat}", ChannelKind.Telegram, chat, new OutboundReply(BroadcastText), OutboxStatus.Pending, now)
            {
                Priority = OutboxPriority.Broadcast,
            })
            .ToList();
        await stores.Outbox.AddAsync(broadcast, cancellationToken);
    }

    /// <summary>A resident asks the bot something every few seconds and times the answer, until told to stop.</summary>
    private static async Task WriteAsync(
        HttpClient client, Uri host, long userId, Deliveries watch, ConcurrentBag<double> latencies, CancellationToken stop)
    {
        var random = new Random((int)userId);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2000, 4000)), stop);
                var answered = watch.NextReplyTo(userId);
                var sent = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(TelegramUpdateJson.Text(userId, Question));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "/webhooks/telegram")) { Content = content };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", WebhookBench.Secret);
                using var response = await client.SendAsync(request, stop);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new BenchFailedException($"The webhook answered {(int)response.StatusCode} to a resident's message.");
                }

                latencies.Add(Stopwatch.GetElapsedTime(sent, await answered.WaitAsync(stop)).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The broadcast is over.
        }
    }

    /// <summary>What the fake accepted: the broadcast per resident, every send's time, and replies awaited by writers.</summary>
    private sealed class Deliveries(int residents)
    {
        private readonly int[] _broadcasts = new int[residents];
        private readonly ConcurrentQueue<long> _sendTimes = new();
        private readonly ConcurrentDictionary<long, TaskCompletionSource<long>> _awaitedReplies = new();
        private long _first;
        private long _last;
        private int _reached;
        private int _duplicates;

        public int Reached => Volatile.Read(ref _reached);

        public int Duplicates => Volatile.Read(ref _duplicates);

        public (long From, long To) BroadcastWindow => (Interlocked.Read(ref _first), Interlocked.Read(ref _last));

        public void Record(long chatId, string text, long at)
        {
            _sendTimes.Enqueue(at);
            if (text != BroadcastText)
            {
                if (_awaitedReplies.TryRemove(chatId, out var awaited))
                {
                    awaited.TrySetResult(at);
                }

                return;
            }

            Interlocked.CompareExchange(ref _first, at, 0);
            Interlocked.Exchange(ref _last, at);
            var count = Interlocked.Increment(ref _broadcasts[chatId - FirstResident]);
            if (count == 1)
            {
                Interlocked.Increment(ref _reached);
            }
            else
            {
                Interlocked.Increment(ref _duplicates);
            }
        }

        /// <summary>Completes with the arrival time of the next reply (not the broadcast) to the chat.</summary>
        public Task<long> NextReplyTo(long chatId)
        {
            var awaited = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaitedReplies[chatId] = awaited;
            return awaited.Task;
        }

        public int SendsWithin(long from, long to) => _sendTimes.Count(at => at >= from && at <= to);

        /// <summary>True once every resident has the broadcast; false if it stops arriving for <paramref name="stall"/>.</summary>
        public async Task<bool> WaitForAllAsync(TimeSpan stall, CancellationToken cancellationToken)
        {
            var seen = -1;
            var progressAt = Stopwatch.GetTimestamp();
            var started = progressAt;
            var reportedAt = progressAt;
            while (Reached < _broadcasts.Length)
            {
                if (Stopwatch.GetElapsedTime(reportedAt) > TimeSpan.FromSeconds(10))
                {
                    reportedAt = Stopwatch.GetTimestamp();
                    Console.WriteLine($"  broadcast: {Reached:N0} of {_broadcasts.Length:N0} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)");
                }

                if (Reached != seen)
                {
                    (seen, progressAt) = (Reached, Stopwatch.GetTimestamp());
                }
                else if (Stopwatch.GetElapsedTime(progressAt) > stall)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }

            // A duplicate would come right after: a lease running out, a retry after a lost answer.
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            return true;
        }
    }
}
