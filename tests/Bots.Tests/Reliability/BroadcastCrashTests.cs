using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Hromada.Bots.Channels.Telegram;
using Hromada.Bots.Tests.Channels.Telegram;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Admin.Broadcast;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Hromada.Persistence;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Reliability;

/// <summary>
/// A super-admin confirms a broadcast to <see cref="Recipients"/> residents through /broadcast on the
/// real webhook; the host, a child process on a LiteDB file, is killed with SIGKILL three times while
/// it sends (the first time as the first messages go out, while the fan-out may still be writing
/// pages, then a third and two thirds of the way through) and started again on the same file. Every
/// recipient must get the broadcast, and every duplicate must be accounted for.
/// </summary>
/// <remarks>
/// Exactly once cannot be had against sendMessage, which takes no idempotency key: a message whose
/// request reached Telegram and whose "sent" mark had not reached the file when the process died is,
/// after the restart, indistinguishable from one never sent, and must go again or someone might miss it.
/// What the dispatcher guarantees is a bound on those: a send takes one of <see cref="MaxConcurrency"/>
/// slots before its request and gives it back only once its outcome is committed (the group commit
/// completes a write after LiteDB's Commit, which has written the transaction to the file, so a kill
/// cannot undo it). So at any kill at most <see cref="MaxConcurrency"/> messages have reached Telegram
/// without being recorded, and only those are sent again. The test asserts that bound per kill, that a
/// message recorded as sent is never sent again, and that the duplicates are exactly the unrecorded
/// messages summed over the kills: nothing else (a re-run fan-out, a lease running out during a send,
/// see OutboxClaimRaceTests) sends anything twice. The host runs without a rate limit, so every slot is
/// busy and a kill finds up to the bound; behind Telegram's 30 messages a second only about 30 × (the
/// answer time + the commit time) sends are under way at once, a handful.
/// </remarks>
public sealed class BroadcastCrashTests
{
    private const int Recipients = 2_000;
    private const int MaxConcurrency = 16;
    private const long AdminId = 750_000_000;
    private const long FirstResident = 750_000_001;
    private const string Announcement = "Завтра з 9:00 до 13:00 не буде води на вулицях Соборній і Шевченка.";

    /// <summary>Kill after this share of the recipients has the message (0: at the first message).</summary>
    private static readonly double[] KillAt = [0, 0.35, 0.7];

    /// <summary>How long the fake holds each send before answering: the send is in flight, recorded by the fake but not by the host.</summary>
    private static readonly TimeSpan SendDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>A killed instance's claims keep the next one off its messages only this long.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    /// <summary>Waits fail only when nothing reaches the fake for this long: a busy machine slows the host down, a stuck one stops it.</summary>
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    /// <summary>A request the dead process had written may still reach the fake's handler after the exit: the calls are counted once none came for this long.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Broadcast_HostKilledMidSendThreeTimes_EveryRecipientGetsItAndDuplicatesAreOnlyUnrecordedSends()
    {
        var watch = Stopwatch.StartNew();
        await using var api = await FakeTelegramApi.StartAsync();
        api.SendDelay = SendDelay;
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "hromada.db");
        await SeedAsync(database);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var kills = new List<Kill>();

        for (var round = 0; round < KillAt.Length; round++)
        {
            await using var host = await HostProcess.StartAsync(Arguments(api, database), client);
            if (round == 0)
            {
                await ConfirmBroadcastAsync(api, client, host.Address);
            }

            var target = Math.Max((int)(KillAt[round] * Recipients), Reached(api) + 1);
            await Waiting.WhileProgressingAsync(
                () => Reached(api) >= target && api.SendsInFlight > 0,
                () => api.Calls.Count,
                () => $"Instance {round + 1} did not bring the broadcast to {target} recipients; {Reached(api)} have it.\n{host.Output}",
                StallLimit);
            var held = api.SendsInFlight;
            await host.KillAsync();
            await SettleAsync(api);
            var (recorded, status) = Stored(database);
            kills.Add(new Kill(held, BroadcastSends(api).Count, Reached(api), recorded, status));
        }

        await using (var last = await HostProcess.StartAsync(Arguments(api, database), client))
        {
            await WaitForQuietAsync(api, last);
            await last.KillAsync();
        }

        var sends = BroadcastSends(api);
        var duplicates = sends.Count - sends.Select(call => call.ChatId).Distinct().Count();
        var unrecorded = kills.Select((kill, i) => Unrecorded(sends, i == 0 ? 0 : kills[i - 1].SentBy, kill)).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Recipients} recipients, {sends.Count} broadcast sends, duplicates {duplicates}; per kill (bound {MaxConcurrency} each): " +
            string.Join("; ", kills.Select((kill, i) =>
                $"kill {i + 1} with {kill.Reached} reached and the broadcast {kill.Status}: the fake held {kill.Held} sends, {unrecorded[i]} sent but not recorded")) +
            $"; elapsed {watch.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(Enumerable.Range(0, Recipients).Select(i => FirstResident + i), sends.Select(call => call.ChatId!.Value).Distinct().Order());
        Assert.All(sends, call => Assert.Equal(Announcement, call.Text));
        Assert.All(kills, kill => Assert.DoesNotContain(sends[kill.SentBy..], call => kill.Recorded.Contains(call.ChatId!.Value)));
        Assert.All(unrecorded, count => Assert.InRange(count, 0, MaxConcurrency));
        Assert.Equal(unrecorded.Sum(), duplicates);
        AssertStoreSettled(database);
    }

    /// <summary>The residents of Kamianske (quiet hours off, so the hour the test runs at does not matter) and the admin, in Lviv, outside the audience.</summary>
    private static async Task SeedAsync(string database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:LiteDbPath"] = database })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddPersistence();
        await using var provider = services.BuildServiceProvider();
        var residents = provider.GetRequiredService<IResidentStore>();
        await residents.SaveAsync(Resident(AdminId, "lviv"), Cancellation);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Recipients),
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = Cancellation },
            async (i, token) => await residents.SaveAsync(Resident(FirstResident + i, "kamianske"), token));
    }

    private static Resident Resident(long telegramId, string communityId)
    {
        var id = telegramId.ToString(CultureInfo.InvariantCulture);
        var at = DateTimeOffset.UtcNow;
        return new Resident
        {
            Id = $"crash-{id}",
            Identities = [new ChannelIdentity(ChannelKind.Telegram, id, id)],
            Name = "Олена Коваленко",
            CommunityId = communityId,
            Spheres = ["ecology"],
            ConsentedAt = at,
            CreatedAt = at,
            RegisteredAt = at,
            Subscription = new Subscription { Spheres = ["ecology"], Communities = [communityId], QuietHours = null },
        };
    }

    private static IEnumerable<string> Arguments(FakeTelegramApi api, string database)
    {
        (string Key, string? Value)[] settings =
        [
            .. TelegramResident.WebhookSettings(api),
            ("Storage:LiteDbPath", database),
            ("Admin:SuperAdmins:0", $"telegram:{AdminId}"),
            ("Outbox:Lease", Lease.ToString()),
            ("Outbox:MaxConcurrency", MaxConcurrency.ToString(CultureInfo.InvariantCulture)),
            ("Outbox:Telegram:MessagesPerSecond", "0"),
            ("Viber:ApiBaseUrl", "http://127.0.0.1:9"),
            ("Logging:LogLevel:Default", "Warning"),
            ("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning"),
        ];
        return settings.Select(setting => $"--{setting.Key}={setting.Value}");
    }

    /// <summary>/broadcast as the admin writes it in Telegram: one community, no sphere or status filter, the text, no photo, Confirm.</summary>
    private static async Task ConfirmBroadcastAsync(FakeTelegramApi api, HttpClient client, Uri host)
    {
        await AdminSaysAsync(api, client, host, TelegramUpdates.Text(AdminId, "/broadcast"));
        await AdminSaysAsync(api, client, host, Press(BroadcastDialog.AudienceOne));
        await AdminSaysAsync(api, client, host, Press("community:kamianske"));
        await AdminSaysAsync(api, client, host, Press(BroadcastDialog.Done));
        await AdminSaysAsync(api, client, host, Press(BroadcastDialog.Done));
        await AdminSaysAsync(api, client, host, TelegramUpdates.Text(AdminId, Announcement));
        var preview = await AdminSaysAsync(api, client, host, Press(BroadcastDialog.SkipPhoto), replies: 2);
        var queued = await AdminSaysAsync(api, client, host, Press("confirm"));

        Assert.Equal([Announcement, Texts.Get(Language.Uk, "Broadcast_Confirm", Recipients)], preview.Select(call => call.Text));
        Assert.Equal(Texts.Get(Language.Uk, "Broadcast_Queued", Recipients), Assert.Single(queued).Text);
    }

    private static string Press(string data) => TelegramUpdates.Callback(AdminId, data, queryId: Guid.NewGuid().ToString("N"));

    /// <summary>Posts the admin's update (it must be acknowledged) and returns the bot's next <paramref name="replies"/> messages to them.</summary>
    private static async Task<IReadOnlyList<TelegramCall>> AdminSaysAsync(
        FakeTelegramApi api, HttpClient client, Uri host, string update, int replies = 1)
    {
        var seen = api.Calls.Count(call => call.IsSentTo(AdminId));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, TelegramWebhook.Route))
        {
            Content = new StringContent(update, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhook.SecretHeader, TelegramResident.Secret);
        using var response = await client.SendAsync(request, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var answers = await api.WaitForAsync(call => call.IsSentTo(AdminId), seen + replies);
        return [.. answers.Skip(seen)];
    }

    /// <summary>Every broadcast message that reached the fake, in arrival order (the admin's dialog replies are not among them).</summary>
    private static List<TelegramCall> BroadcastSends(FakeTelegramApi api) =>
        [.. api.Calls.Where(call => call.Method == "sendMessage" && call.ChatId != AdminId)];

    private static int Reached(FakeTelegramApi api) => BroadcastSends(api).Select(call => call.ChatId).Distinct().Count();

    /// <summary>Chats a killed instance sent the broadcast to (sends[start..kill.SentBy)) whose message the store did not show as sent after the kill.</summary>
    private static int Unrecorded(List<TelegramCall> sends, int start, Kill kill) =>
        sends[start..kill.SentBy].Select(call => call.ChatId!.Value).Distinct().Count(chat => !kill.Recorded.Contains(chat));

    /// <summary>Waits until the fake has taken no call for <see cref="Settle"/>.</summary>
    private static async Task SettleAsync(FakeTelegramApi api)
    {
        int before;
        do
        {
            before = api.Calls.Count;
            await Task.Delay(Settle, Cancellation);
        }
        while (api.Calls.Count != before);
    }

    /// <summary>
    /// The chats whose broadcast message the store shows as sent, and the broadcast's status (Queued
    /// while the fan-out was still writing pages); opening the file after a kill is itself a check.
    /// </summary>
    private static (HashSet<long> Recorded, string Status) Stored(string database)
    {
        // Read-only, so the next host, not the test, recovers the file.
        using var store = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct, ReadOnly = true });
        var recorded = BroadcastMessages(store).Where(message => message["Status"].AsString == nameof(OutboxStatus.Sent)).Select(ChatOf).ToHashSet();
        return (recorded, Assert.Single(store.GetCollection("broadcasts").FindAll())["Status"].AsString);
    }

    private static IEnumerable<BsonDocument> BroadcastMessages(LiteDatabase store) =>
        store.GetCollection("outbox").Find(Query.StartsWith("IdempotencyKey", "broadcast:"));

    /// <summary>The chat id of a stored outbox message, kept as "channel:id".</summary>
    private static long ChatOf(BsonDocument message)
    {
        var chat = message["Chat"].AsString;
        return long.Parse(chat[(chat.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until every recipient has the broadcast and nothing has been sent for <see cref="Quiet"/>.</summary>
    private static async Task WaitForQuietAsync(FakeTelegramApi api, HostProcess host)
    {
        var count = -1;
        var changedAt = Stopwatch.GetTimestamp();
        await Waiting.WhileProgressingAsync(
            () =>
            {
                var sends = BroadcastSends(api);
                if (sends.Count != count)
                {
                    (count, changedAt) = (sends.Count, Stopwatch.GetTimestamp());
                }

                return Stopwatch.GetElapsedTime(changedAt) >= Quiet && Reached(api) == Recipients;
            },
            () => api.Calls.Count,
            () => $"The last instance left {Recipients - Reached(api)} of {Recipients} recipients without the broadcast.\n{host.Output}",
            StallLimit);
    }

    /// <summary>The file opens once more after the last kill: one sent message per recipient, and the broadcast counted them all.</summary>
    private static void AssertStoreSettled(string database)
    {
        using var store = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct });
        var messages = BroadcastMessages(store).ToList();
        var broadcast = Assert.Single(store.GetCollection("broadcasts").FindAll());

        Assert.Equal(Recipients, messages.Count);
        Assert.Equal(Recipients, messages.Select(ChatOf).Distinct().Count());
        Assert.All(messages, message => Assert.Equal(nameof(OutboxStatus.Sent), message["Status"].AsString));
        Assert.Equal(Recipients, broadcast["Recipients"].AsInt32);
    }

    /// <summary>One kill: the sends the fake was holding, how many broadcast sends it had seen by then, how many recipients had it, and what the store held.</summary>
    private sealed record Kill(int Held, int SentBy, int Reached, HashSet<long> Recorded, string Status);
}
