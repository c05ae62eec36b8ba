using System.Net;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Broadcasts;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;
using Hromada.Persistence.Documents;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Outbox;

/// <summary>A real broadcast fanned out by <see cref="BroadcastSender"/> into the real host's outbox, delivered by its dispatcher.</summary>
public sealed class BroadcastDispatchTests
{
    private const int Recipients = 300;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_BroadcastOfHundredsQueued_ResidentsReplyGoesFirst()
    {
        var platform = new ScriptedSender(ChannelKind.Telegram);
        await using var host = TestHost.Start(
            services => services.AddSingleton<IChannelSender>(platform), ("Outbox:Telegram:MessagesPerSecond", "20"));
        var residents = host.Services.GetRequiredService<IResidentStore>();
        foreach (var i in Enumerable.Range(0, Recipients))
        {
            await residents.SaveAsync(Resident($"r{i:000}", $"{1000 + i}"), Cancellation);
        }

        var broadcast = new Broadcast
        {
            Id = "b1",
            AuthorResidentId = "moderator",
            AuthorActorId = "telegram:1",
            Audience = new BroadcastAudience(null, [], []),
            Text = "Завтра не буде води",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await host.Services.GetRequiredService<IBroadcastStore>().SaveAsync(broadcast, Cancellation);
        await host.Services.GetRequiredService<BroadcastSender>().QueueAsync(broadcast.Id, Cancellation);
        await Eventually.ResultAsync(() => Task.FromResult(platform.Calls.Count), count => count >= 1);

        await host.Services.GetRequiredService<IOutboxStore>().AddAsync(
            [new OutboxMessage(0, "reply-1", ChannelKind.Telegram, "9", new OutboundReply("Дякуємо!"), OutboxStatus.Pending, DateTimeOffset.UtcNow)],
            Cancellation);
        host.Services.GetRequiredService<OutboxSignal>().Notify();

        var reply = (await Eventually.ResultAsync(() => Task.FromResult(platform.CallsFor("reply-1")), calls => calls.Count == 1))[0];
        var broadcastsBefore = platform.Calls.Count(call => call.Priority == OutboxPriority.Broadcast && call.StartedAt < reply.StartedAt);
        var counts = await host.Services.GetRequiredService<IOutboxStore>().CountByKeyPrefixAsync(broadcast.KeyPrefix, Cancellation);
        Assert.Equal(Recipients, counts.Values.Sum());
        Assert.True(broadcastsBefore < Recipients / 2, $"the reply waited behind {broadcastsBefore} broadcast messages");
    }

    [Fact]
    public async Task QueueWaiting_StoredBroadcastUnreadable_LogsTheFailedRoundAndTheHostStaysUp()
    {
        await using var host = TestHost.Start();
        host.Services.GetRequiredService<LiteDatabase>().GetCollection<BroadcastDocument>("broadcasts").Insert(new BroadcastDocument
        {
            Id = "b-unreadable",
            Status = nameof(BroadcastStatus.Queued),
            Statuses = ["NoSuchStatus"],
            Text = "Завтра не буде води",
            CreatedAt = DateTime.UtcNow,
        });

        host.Services.GetRequiredService<BroadcastWorker>().Wake();

        await Eventually.ResultAsync(() => Task.FromResult(host.Log.ToString()), log => log.Contains("Queueing the waiting broadcasts failed", StringComparison.Ordinal));
        using var health = await host.Client.GetAsync("/health", Cancellation);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Registered, reachable on Telegram, with quiet hours off so the test does not depend on the hour it runs at.</summary>
    private static Resident Resident(string id, string chatId) => new()
    {
        Id = id,
        Identities = [new ChannelIdentity(ChannelKind.Telegram, chatId, chatId)],
        CreatedAt = DateTimeOffset.UtcNow,
        RegisteredAt = DateTimeOffset.UtcNow,
        Subscription = new Subscription { QuietHours = null },
    };
}
