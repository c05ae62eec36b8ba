using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Hromada.Bench;

/// <summary>
/// Telegram updates posted to the real host's webhook (a child process on LiteDB, replies going to
/// the fake Bot API) as fast as it answers, then the same load against the bare endpoint. Counts
/// the webhook's answers (the update is stored when 200 comes) and, after the load, waits for every
/// acknowledged update to be answered, which is when the host has handled them all.
/// </summary>
internal static class WebhookBench
{
    public const string Secret = "hromada-bench-webhook-secret";
    private const string Route = "/webhooks/telegram";
    private const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private static readonly TimeSpan DrainStall = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var measured = options.Seconds("seconds", 20);
        var warmup = options.Seconds("warmup", 3);
        var concurrency = options.Int("concurrency", 32);
        var residents = options.Int("residents", 400);
        var lanes = options.Text("lanes");
        var table = new ResultTable($"webhook: {concurrency} concurrent posters, {warmup.TotalSeconds:F0} s warm-up + {measured.TotalSeconds:F0} s measured");
        Machine.Describe(table);

        LoadResult bare;
        await using (var endpoint = await HostProcess.StartAsync("Hromada.Bench.dll", [BareEndpoint.Command], cancellationToken))
        {
            using var posters = new ResidentPosters(endpoint.Address, concurrency, residents, firstUserId: 600_000_001);
            bare = await LoadGenerator.RunAsync(concurrency, warmup, measured, posters.PostNextAsync, cancellationToken);
        }

        await using var api = await FakeBotApi.StartAsync(TelegramLimits.None);
        using var folder = new TempFolder();
        var lastReplyAt = Stopwatch.GetTimestamp();
        api.Sent += (_, _, at) => Interlocked.Exchange(ref lastReplyAt, at);
        await using var host = await HostProcess.StartHostAsync(HostSettings(api, folder.Path, lanes), cancellationToken);
        using var hostPosters = new ResidentPosters(host.Address, concurrency, residents, firstUserId: 700_000_001);
        var loadStarted = Stopwatch.GetTimestamp();
        var hosted = await LoadGenerator.RunAsync(concurrency, warmup, measured, hostPosters.PostNextAsync, cancellationToken);
        var backlog = hostPosters.Acknowledged - api.Sends;
        var drained = await DrainAsync(api, hostPosters.Acknowledged, cancellationToken);
        var handledIn = Stopwatch.GetElapsedTime(loadStarted, Interlocked.Read(ref lastReplyAt));

        var ratio = hosted.PerSecond / bare.PerSecond;
        var p99 = hosted.Latencies.Percentile(99);
        table
            .Add("bare endpoint (parse + 200)", $"{ResultTable.Format(bare.PerSecond)} updates/s")
            .Add("host webhook, sustained", $"{ResultTable.Format(hosted.PerSecond)} updates/s", ">= 2,000/s", hosted.PerSecond >= 2000)
            .Add("host / bare", $"{ResultTable.Format(ratio * 100)} %", ">= 40 %", ratio >= 0.4)
            .Add("webhook answer p50", $"{ResultTable.Format(hosted.Latencies.Percentile(50), "F1")} ms")
            .Add("webhook answer p95", $"{ResultTable.Format(hosted.Latencies.Percentile(95), "F1")} ms")
            .Add("webhook answer p99", $"{ResultTable.Format(p99, "F1")} ms", "< 50 ms", p99 < 50)
            .Add("webhook answers other than 200", ResultTable.Format(hosted.Failed + bare.Failed))
            .Add("update mix (command/button/text)", hostPosters.Mix)
            .Add("residents who wrote", ResultTable.Format(hostPosters.Residents))
            .Add("acknowledged, not yet answered at the end of the load", ResultTable.Format(backlog))
            .Add(
                "all acknowledged updates answered",
                drained ? $"{hostPosters.Acknowledged} in {ResultTable.Format(handledIn.TotalSeconds, "F1")} s" : $"NO: {api.Sends} of {hostPosters.Acknowledged}")
            .Add("handled end to end (acknowledged / time to last answer)", $"{ResultTable.Format(hostPosters.Acknowledged / handledIn.TotalSeconds)} updates/s")
            .Add("host peak memory", $"{ResultTable.Format(host.PeakMemoryMiB)} MiB")
            .Print();
    }

    /// <summary>
    /// Webhook mode against the fake; the outbox unthrottled (this fake enforces no limits), little
    /// logging; Conversations:Lanes as the host's default unless --lanes says otherwise.
    /// </summary>
    private static IEnumerable<(string, string)> HostSettings(FakeBotApi api, string folder, string? lanes) =>
    [
        .. lanes is null ? [] : new[] { ("Conversations:Lanes", lanes) },
        ("Storage:LiteDbPath", Path.Combine(folder, "hromada.db")),
        ("Telegram:Token", FakeBotApi.Token),
        ("Telegram:ApiBaseUrl", api.BaseAddress.ToString()),
        ("Telegram:WebhookUrl", "https://hromada.example.org/webhooks/telegram"),
        ("Telegram:WebhookSecret", Secret),
        ("Outbox:Telegram:MessagesPerSecond", "0"),
        ("Outbox:Telegram:PerChatInterval", "00:00:00"),
        ("Logging:LogLevel:Default", "Warning"),
        ("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
    ];

    /// <summary>Waits until the fake has as many answers as updates were acknowledged; false if they stop coming.</summary>
    private static async Task<bool> DrainAsync(FakeBotApi api, long acknowledged, CancellationToken cancellationToken)
    {
        var seen = api.Sends;
        var progressAt = Stopwatch.GetTimestamp();
        while (api.Sends < acknowledged)
        {
            if (api.Sends != seen)
            {
                (seen, progressAt) = (api.Sends, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(progressAt) > DrainStall)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Residents taking turns: a poster takes the resident who waited longest, posts their next step and
    /// puts them back, so one resident never has two updates in flight and their steps arrive in order.
    /// </summary>
    private sealed class ResidentPosters : IDisposable
    {
        private readonly HttpClient _client;
        private readonly Uri _webhook;
        private readonly ConcurrentQueue<ScriptedResident> _waiting = new();
        private readonly long[] _kinds = new long[3];
        private long _acknowledged;

        public ResidentPosters(Uri host, int concurrency, int residents, long firstUserId)
        {
            _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            _webhook = new Uri(host, Route);
            for (var i = 0; i < residents; i++)
            {
                _waiting.Enqueue(new ScriptedResident(firstUserId + i));
            }

            Residents = residents;
        }

        public int Residents { get; }

        public long Acknowledged => Interlocked.Read(ref _acknowledged);

        public string Mix
        {
            get
            {
                var total = (double)_kinds.Sum();
                return string.Join(" / ", _kinds.Select(count => $"{ResultTable.Format(100 * count / total)} %"));
            }
        }

        public void Dispose() => _client.Dispose();

        public async Task<bool> PostNextAsync(CancellationToken cancellationToken)
        {
            if (!_waiting.TryDequeue(out var resident))
            {
                throw new BenchFailedException("More posters than residents: give --residents well above --concurrency.");
            }

            try
            {
                var (json, kind) = resident.Next();
                Interlocked.Increment(ref _kinds[(int)kind]);
                using var content = new ByteArrayContent(json);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, _webhook) { Content = content };
                request.Headers.Add(SecretHeader, Secret);
                using var response = await _client.SendAsync(request, cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }

                Interlocked.Increment(ref _acknowledged);
                return true;
            }
            finally
            {
                _waiting.Enqueue(resident);
            }
        }
    }
}
