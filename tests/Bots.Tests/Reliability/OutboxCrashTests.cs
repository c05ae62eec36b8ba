using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Hromada.Bots.Channels.Telegram;
using Hromada.Bots.Tests.Channels.Telegram;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Localization;
using Hromada.Persistence.LiteDb;
using LiteDB;

namespace Hromada.Bots.Tests.Reliability;

/// <summary>
/// The built host as a child process, killed with SIGKILL while the outbox is sending, then started
/// again on the same LiteDB file. The fake Bot API records each message on arrival and answers only
/// after <see cref="SendDelay"/>, so a kill lands between "the resident has it" and "the store knows":
/// the window for a duplicate. Exactly once cannot be had against an API without idempotency keys,
/// so the test counts duplicates and bounds them.
/// </summary>
/// <remarks>
/// The bound asserted is what the send slots allow, <see cref="MaxConcurrency"/> per kill: a send keeps
/// its slot until its outcome is stored, so no more can be sent but not yet marked. The exact rule is
/// checked as well: a message the store shows as sent after a kill is never sent again.
/// </remarks>
public sealed class OutboxCrashTests
{
    private const int Kills = 3;
    private const int ResidentsPerRound = 20;
    private const int MaxConcurrency = 16;
    private const int SendsBeforeKill = 5;
    private const long FirstResident = 730_000_001;

    private static readonly TimeSpan SendDelay = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_HostKilledMidDeliveryThreeTimes_EveryAcknowledgedUpdateAnsweredAndDuplicatesBounded()
    {
        var watch = Stopwatch.StartNew();
        await using var api = await FakeTelegramApi.StartAsync();
        api.SendDelay = SendDelay;
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "hromada.db");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var acknowledged = new List<long>();
        var kills = new List<Kill>();

        for (var round = 0; round < Kills; round++)
        {
            await using var host = await HostProcess.StartAsync(Arguments(api, database), client);
            var sentBefore = Sends(api).Count;
            var residents = Enumerable.Range(0, ResidentsPerRound).Select(i => FirstResident + (round * ResidentsPerRound) + i).ToList();
            await PostStartsAsync(client, host.Address, residents);
            acknowledged.AddRange(residents);

            await WaitUntilAsync(
                () => Sends(api).Count >= sentBefore + SendsBeforeKill && api.SendsInFlight > 0,
                () => $"Instance {round + 1} did not get {SendsBeforeKill} messages under way; it sent {Sends(api).Count - sentBefore}.\n{host.Output}");
            var held = api.SendsInFlight;
            await host.KillAsync();
            kills.Add(new Kill(held, Sends(api).Count, RecordedAsSent(database)));
        }

        await using (var last = await HostProcess.StartAsync(Arguments(api, database), client))
        {
            await WaitForQuietAsync(api, acknowledged, last);
            await last.KillAsync();
        }

        var sends = Sends(api);
        var answered = sends.Select(call => call.ChatId!.Value).Distinct().Order().ToList();
        var duplicates = sends.Count - answered.Count;
        var resent = kills.Select((kill, i) => SentAgain(sends, i == 0 ? 0 : kills[i - 1].SentBy, kill.SentBy));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"acknowledged {acknowledged.Count}, delivered {answered.Count}, sends {sends.Count}, duplicates {duplicates}, " +
            $"kills {kills.Count} mid-delivery (bound {MaxConcurrency * kills.Count}); per kill: sends the fake held " +
            $"{string.Join("/", kills.Select(kill => kill.Held))}, messages sent again {string.Join("/", resent)}; " +
            $"elapsed {watch.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(acknowledged.Order(), answered);
        var consent = Texts.Get(Language.Uk, "Onboarding_Consent");
        Assert.All(sends, call => Assert.Equal(consent, call.Text));
        Assert.All(kills, kill => Assert.DoesNotContain(sends[kill.SentBy..], call => kill.Recorded.Contains(call.ChatId!.Value)));
        Assert.True(
            duplicates <= MaxConcurrency * kills.Count,
            $"{duplicates} duplicate deliveries over {kills.Count} kills; at most {MaxConcurrency} sends can be in flight at a kill.");
        AssertStoreSettled(database, acknowledged.Count);
    }

    private static IEnumerable<string> Arguments(FakeTelegramApi api, string database)
    {
        (string Key, string? Value)[] settings =
        [
            .. TelegramResident.WebhookSettings(api),
            ("Storage:LiteDbPath", database),
            ("Outbox:Lease", Lease.ToString()),
            ("Outbox:MaxConcurrency", MaxConcurrency.ToString(CultureInfo.InvariantCulture)),
            ("Viber:ApiBaseUrl", "http://127.0.0.1:9"),
            ("Logging:LogLevel:Default", "Warning"),
            ("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
        ];
        return settings.Select(setting => $"--{setting.Key}={setting.Value}");
    }

    private static List<TelegramCall> Sends(FakeTelegramApi api) => [.. api.Calls.Where(call => call.Method == "sendMessage")];

    /// <summary>The chats whose reply the store shows as sent; opening the file after a kill is itself a check.</summary>
    private static HashSet<long> RecordedAsSent(string database)
    {
        // Read-only, so the next host, not the test, recovers the file.
        using var store = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct, ReadOnly = true });
        return [.. store.GetCollection("outbox").Find(Query.EQ("Status", "Sent")).Select(ChatOf)];
    }

    /// <summary>The chat id of a stored outbox message, kept as "channel:id".</summary>
    private static long ChatOf(BsonDocument message)
    {
        var chat = message["Chat"].AsString;
        return long.Parse(chat[(chat.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Chats a killed instance sent to (sends[start..end)) that a later instance sent to again.</summary>
    private static int SentAgain(List<TelegramCall> sends, int start, int end)
    {
        var later = sends[end..].Select(call => call.ChatId).ToHashSet();
        return sends[start..end].Select(call => call.ChatId).Distinct().Count(later.Contains);
    }

    /// <summary>Every resident says /start at once, as Telegram posts it; each update must be acknowledged with 200.</summary>
    private static async Task PostStartsAsync(HttpClient client, Uri host, IEnumerable<long> residents)
    {
        var statuses = await Task.WhenAll(residents.Select(async resident =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, TelegramWebhook.Route))
            {
                Content = new StringContent(TelegramUpdates.Text(resident, "/start"), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(TelegramWebhook.SecretHeader, TelegramResident.Secret);
            using var response = await client.SendAsync(request, Cancellation);
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    /// <summary>Waits until every acknowledged chat has its answer and no message has gone for <see cref="Quiet"/>.</summary>
    private static async Task WaitForQuietAsync(FakeTelegramApi api, List<long> acknowledged, HostProcess host)
    {
        var count = -1;
        var changedAt = Stopwatch.GetTimestamp();
        await WaitUntilAsync(
            () =>
            {
                var sends = Sends(api);
                if (sends.Count != count)
                {
                    (count, changedAt) = (sends.Count, Stopwatch.GetTimestamp());
                }

                return Stopwatch.GetElapsedTime(changedAt) >= Quiet && acknowledged.All(chat => sends.Any(call => call.ChatId == chat));
            },
            () =>
            {
                var answered = Sends(api).Select(call => call.ChatId).ToHashSet();
                return $"The last instance left {acknowledged.Count(chat => !answered.Contains(chat))} of {acknowledged.Count} " +
                    $"acknowledged updates unanswered, or kept sending.\n{host.Output}";
            });
    }

    /// <summary>The file opens once more after the last kill, with one sent reply per resident and no update left pending.</summary>
    private static void AssertStoreSettled(string database, int residents)
    {
        using var store = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct });
        using var inboxFile = new LiteDatabase(new ConnectionString { Filename = LiteDbInboxStore.PathBeside(database), Connection = ConnectionType.Direct });
        var outbox = store.GetCollection("outbox").FindAll().ToList();
        var inbox = inboxFile.GetCollection("inbox").FindAll().ToList();

        Assert.Equal(residents, outbox.Select(ChatOf).Distinct().Count());
        Assert.Equal(residents, outbox.Count);
        Assert.All(outbox, message => Assert.Equal("Sent", message["Status"].AsString));
        Assert.Equal(residents, inbox.Count);
        Assert.DoesNotContain(inbox, update => update["Status"].AsString == "Pending");
    }

    private static Task WaitUntilAsync(Func<bool> done, Func<string> failure) => Waiting.UntilAsync(done, failure, WaitLimit);

    /// <summary>One kill: the sends the fake was holding, how many sends it had seen by then, and the chats the store shows as answered.</summary>
    private sealed record Kill(int Held, int SentBy, HashSet<long> Recorded);
}
