using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Outbox;

/// <summary>
/// The real host and its LiteDB store, with a scripted Telegram platform in front of the dispatcher.
/// Timing assertions compare the sends' recorded times with each other (ordering and spacing), never
/// with how fast the machine is.
/// </summary>
public sealed class OutboxDispatcherTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_PlatformAccepts_MarksSentWithPlatformId()
    {
        var (host, platform) = Start();
        await using var _ = host;
        platform.Script("a", () => new DeliveryResult.Delivered("4711"));

        await QueueAsync(host, Message("a", "501"));

        var sent = await DoneAsync(host, "501", 1);
        Assert.Equal((OutboxStatus.Sent, "4711"), (sent[0].Status, sent[0].PlatformMessageId));
        Assert.NotNull(sent[0].SentAt);
        Assert.Single(platform.CallsFor("a"));
    }

    [Fact]
    public async Task Deliver_PlatformSays429_WaitsRetryAfterThenDeliversAndSendsNothingElseMeanwhile()
    {
        var retryAfter = TimeSpan.FromSeconds(1);
        var (host, platform) = Start();
        await using var _ = host;
        platform.Script("a", () => new DeliveryResult.RateLimited(retryAfter));
        await QueueAsync(host, Message("a", "501"));
        var limited = (await Eventually.ResultAsync(() => Task.FromResult(platform.CallsFor("a")), calls => calls.Count == 1))[0];

        await QueueAsync(host, Message("b", "502"), Message("c", "503"));

        await DoneAsync(host, "501", 1);
        await DoneAsync(host, "502", 1);
        await DoneAsync(host, "503", 1);
        var attempts = platform.CallsFor("a");
        Assert.Equal(2, attempts.Count);
        Assert.All(
            platform.Calls.Where(call => call != limited),
            call => Assert.True(call.StartedAt >= limited.EndedAt + retryAfter - Tolerance, $"{call.IdempotencyKey} went during the pause"));
        var stored = (await StoredAsync(host, "501"))[0];
        Assert.Equal((OutboxStatus.Sent, 1), (stored.Status, stored.Attempts));
    }

    [Fact]
    public async Task Deliver_ResidentBlockedTheBot_MarksThemUnreachableAndDropsTheirQueueOnly()
    {
        var (host, platform) = Start(("Outbox:Telegram:PerChatInterval", "00:00:00"));
        await using var _ = host;
        var residents = host.Services.GetRequiredService<IResidentStore>();
        await residents.SaveAsync(Resident("r1", new ChannelIdentity(ChannelKind.Telegram, "501", "501"), new ChannelIdentity(ChannelKind.Viber, "v-1", "v-1")), Cancellation);
        await residents.SaveAsync(Resident("r2", new ChannelIdentity(ChannelKind.Telegram, "502", "502")), Cancellation);
        platform.Script("a1", () => new DeliveryResult.Unreachable("Forbidden: bot was blocked by the user"));

        await QueueAsync(host, Message("a1", "501"), Message("b1", "502"), Message("a2", "501"), Message("b2", "502"), Message("a3", "501"));

        var blocked = await Eventually.ResultAsync(
            () => StoredAsync(host, "501"), messages => messages.All(m => m.Status == OutboxStatus.Dropped));
        await DoneAsync(host, "502", 2);
        Assert.All(blocked, message => Assert.Equal("Forbidden: bot was blocked by the user", message.FailureReason));
        Assert.Equal(["a1"], platform.Calls.Where(call => call.ChatId == "501").Select(call => call.IdempotencyKey));
        Assert.All(await StoredAsync(host, "502"), message => Assert.Equal(OutboxStatus.Sent, message.Status));
        var r1 = await residents.GetAsync("r1", Cancellation);
        Assert.Equal([(ChannelKind.Telegram, false), (ChannelKind.Viber, true)], r1!.Identities.Select(i => (i.Channel, i.Reachable)));
        Assert.True(Assert.Single((await residents.GetAsync("r2", Cancellation))!.Identities).Reachable);
    }

    [Fact]
    public async Task Deliver_RepliesQueuedBehindABroadcast_OvertakeIt()
    {
        var (host, platform) = Start(("Outbox:Telegram:MessagesPerSecond", "5"));
        await using var _ = host;
        await QueueAsync(host, [.. Enumerable.Range(0, 15).Select(i => Message($"b{i}", $"c{i}", OutboxPriority.Broadcast))]);
        await Eventually.ResultAsync(() => Task.FromResult(platform.Calls.Count), count => count >= 1);
        var repliesQueuedAt = platform.Now;

        await QueueAsync(host, Message("r1", "x1"), Message("r2", "x2"));

        await DoneAsync(host, "x1", 1);
        await DoneAsync(host, "x2", 1);
        await Eventually.ResultAsync(() => Task.FromResult(platform.Calls.Count), count => count == 17, TimeSpan.FromSeconds(15));
        var broadcasts = platform.Calls.Where(call => call.Priority == OutboxPriority.Broadcast).ToList();
        foreach (var reply in platform.Calls.Where(call => call.Priority == OutboxPriority.Reply))
        {
            var overtakenBy = broadcasts.Count(b => b.StartedAt > repliesQueuedAt && b.StartedAt < reply.StartedAt);
            Assert.True(overtakenBy <= 2, $"{reply.IdempotencyKey} waited behind {overtakenBy} broadcasts");
        }

        Assert.True(broadcasts.Count(b => b.StartedAt > platform.CallsFor("r2")[0].StartedAt) >= 5);
    }

    [Fact]
    public async Task Deliver_SeveralMessagesToOneChat_KeepsOrderAndPerChatInterval()
    {
        var interval = TimeSpan.FromMilliseconds(300);
        var (host, platform) = Start(("Outbox:Telegram:PerChatInterval", "00:00:00.300"));
        await using var _ = host;

        await QueueAsync(host, [.. Enumerable.Range(1, 4).SelectMany(i => new[] { Message($"m{i}", "501"), Message($"n{i}", "502") })]);

        await DoneAsync(host, "501", 4);
        await DoneAsync(host, "502", 4);
        foreach (var chat in new[] { "501", "502" })
        {
            var calls = platform.Calls.Where(call => call.ChatId == chat).ToList();
            Assert.Equal(calls.Select(call => call.Id).Order(), calls.Select(call => call.Id));
            Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(
                pair.Second.StartedAt - pair.First.StartedAt >= interval - Tolerance,
                $"{pair.Second.IdempotencyKey} came {(pair.Second.StartedAt - pair.First.StartedAt).TotalMilliseconds} ms after {pair.First.IdempotencyKey}"));
        }
    }

    [Fact]
    public async Task Deliver_PlatformRefuses_MarksFailedWithReasonAndGoesOnWithTheChat()
    {
        var (host, platform) = Start(("Outbox:Telegram:PerChatInterval", "00:00:00"));
        await using var _ = host;
        platform.Script("a", () => new DeliveryResult.Failed("Bad Request: message is too long"));

        await QueueAsync(host, Message("a", "501"), Message("b", "501"));

        var done = await DoneAsync(host, "501", 2);
        Assert.Equal(
            [(OutboxStatus.Failed, "Bad Request: message is too long"), (OutboxStatus.Sent, null)],
            done.Select(message => (message.Status, message.FailureReason)));
    }

    [Fact]
    public async Task Deliver_SenderThrowsOnce_RetriesAfterABackoffAndDelivers()
    {
        var (host, platform) = Start(("Outbox:RetryDelay", "00:00:00.200"), ("Outbox:MaxRetryDelay", "00:00:00.200"));
        await using var _ = host;
        platform.Script("a", () => throw new InvalidOperationException("A bug in the renderer."));

        await QueueAsync(host, Message("a", "501"));

        var sent = (await DoneAsync(host, "501", 1))[0];
        Assert.Equal((OutboxStatus.Sent, 1), (sent.Status, sent.Attempts));
        var calls = platform.CallsFor("a");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].StartedAt - calls[0].EndedAt >= TimeSpan.FromMilliseconds(100) - Tolerance);
    }

    [Fact]
    public async Task Deliver_SenderKeepsThrowing_MarksFailedAfterMaxAttempts()
    {
        var (host, platform) = Start(
            ("Outbox:MaxAttempts", "3"), ("Outbox:RetryDelay", "00:00:00.050"), ("Outbox:MaxRetryDelay", "00:00:00.100"));
        await using var _ = host;
        platform.Script("a", [.. Enumerable.Repeat<Func<DeliveryResult>>(() => throw new InvalidOperationException("A bug."), 10)]);

        await QueueAsync(host, Message("a", "501"));

        var failed = (await DoneAsync(host, "501", 1))[0];
        Assert.Equal((OutboxStatus.Failed, 2), (failed.Status, failed.Attempts));
        Assert.Contains(nameof(InvalidOperationException), failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(3, platform.CallsFor("a").Count);
    }

    [Fact]
    public async Task Restart_MidQueue_DeliversEveryMessageExactlyOnce()
    {
        var (host, platform) = Start(
            ("Outbox:Lease", "00:00:02"), ("Outbox:Telegram:MessagesPerSecond", "10"), ("Outbox:Telegram:PerChatInterval", "00:00:00"));
        await using var _ = host;
        var keys = Enumerable.Range(0, 30).Select(i => $"m{i}").ToList();
        await QueueAsync(host, [.. keys.Select((key, i) => Message(key, $"{i % 10}"))]);
        await Eventually.ResultAsync(() => Task.FromResult(platform.Calls.Count), count => count >= 5);

        await host.RestartAsync();

        var sentBeforeRestart = platform.Calls.Count;
        await Eventually.ResultAsync(
            async () => (await Task.WhenAll(Enumerable.Range(0, 10).Select(chat => StoredAsync(host, $"{chat}")))).SelectMany(m => m).ToList(),
            all => all.Count == 30 && all.All(m => m.Status == OutboxStatus.Sent),
            TimeSpan.FromSeconds(20));
        Assert.True(sentBeforeRestart < 30, "the restart came after the queue was done");
        Assert.Equal(keys.Order(), platform.Calls.Select(call => call.IdempotencyKey).Order());
    }

    private static (TestHost Host, ScriptedSender Platform) Start(params (string Key, string? Value)[] settings)
    {
        var platform = new ScriptedSender(ChannelKind.Telegram);
        var host = TestHost.Start(services => services.AddSingleton<IChannelSender>(platform), settings);
        return (host, platform);
    }

    private static OutboxMessage Message(string key, string chatId, OutboxPriority priority = OutboxPriority.Reply) =>
        new(0, key, ChannelKind.Telegram, chatId, new OutboundReply($"text {key}"), OutboxStatus.Pending, DateTimeOffset.UtcNow)
        {
            Priority = priority,
        };

    private static Resident Resident(string id, params ChannelIdentity[] identities) =>
        new() { Id = id, Identities = [.. identities], CreatedAt = DateTimeOffset.UtcNow, RegisteredAt = DateTimeOffset.UtcNow };

    private static async Task QueueAsync(TestHost host, params OutboxMessage[] messages)
    {
        await host.Services.GetRequiredService<IOutboxStore>().AddAsync(messages, Cancellation);
        host.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    private static Task<IReadOnlyList<OutboxMessage>> StoredAsync(TestHost host, string chatId) =>
        host.Services.GetRequiredService<IOutboxStore>().ListForChatAsync(ChannelKind.Telegram, chatId, 0, Cancellation);

    /// <summary>Waits until the chat's <paramref name="count"/> messages are no longer pending.</summary>
    private static Task<IReadOnlyList<OutboxMessage>> DoneAsync(TestHost host, string chatId, int count) =>
        Eventually.ResultAsync(
            () => StoredAsync(host, chatId),
            messages => messages.Count == count && messages.All(message => message.Status != OutboxStatus.Pending));
}
