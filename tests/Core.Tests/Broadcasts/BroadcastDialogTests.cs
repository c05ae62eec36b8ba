using Hromada.Core.Broadcasts;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Admin.Broadcast;
using Hromada.Core.Moderation;
using Hromada.Core.Tests.Dialogs;
using Hromada.Core.Tests.Dialogs.Admin;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Broadcasts;

public sealed class BroadcastDialogTests : IDisposable
{
    private const string Announcement = "Завтра з 9:00 до 13:00 не буде води на вулиці Соборній.";

    private readonly TempDatabase _database = new();

    /// <summary>11:00 in Kyiv: outside the default quiet hours.</summary>
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Broadcast_ConfirmedToCommunity_PreviewCountsTheAudienceAndQueuesOneBroadcastMessageEach()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"), ("taras", "kamianske"), ("ivan", "lviv"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");

        var preview = await ReachPreviewAsync(bot, "mykola");
        var queued = Assert.Single(await bot.PressAsync("mykola", "confirm"));
        var broadcast = await WaitQueuedAsync(bot);

        Assert.Equal(2, preview.Count);
        Assert.Equal(Announcement, preview[0].Text);
        Assert.Equal(Text("Broadcast_Confirm", 2), preview[1].Text);
        Assert.Equal(Text("Broadcast_Queued", 2), queued.Text);
        Assert.Equal((BroadcastStatus.Sending, 2, 0), (broadcast.Status, broadcast.Recipients, broadcast.Unreachable));
        var toOlena = Assert.Single(await BroadcastsToAsync(bot, "olena"));
        Assert.Equal((Announcement, OutboxPriority.Broadcast, null), (toOlena.Reply.Text, toOlena.Priority, toOlena.NotBefore));
        Assert.Equal($"broadcast:{broadcast.Id}:{await bot.IdOfAsync("olena")}", toOlena.IdempotencyKey);
        Assert.Empty(await bot.NewRepliesAsync("ivan"));
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.BroadcastQueued, $"broadcast:{broadcast.Id}", "kamianske"), (audited.Action, audited.Target, audited.CommunityId));
        Assert.Contains(Announcement, audited.After);
    }

    [Fact]
    public async Task Broadcast_StatusFilterNobodyHolds_CountsNoRecipients()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");

        await bot.SayAsync("mykola", "/broadcast");
        await bot.PressAsync("mykola", BroadcastDialog.AudienceAll);
        await bot.PressAsync("mykola", BroadcastDialog.Done);
        var toggled = Assert.Single(await bot.PressAsync("mykola", BroadcastDialog.StatusPrefix + "OpinionLeader"));
        await bot.PressAsync("mykola", BroadcastDialog.Done);
        await bot.SayAsync("mykola", Announcement);
        var preview = await bot.PressAsync("mykola", BroadcastDialog.SkipPhoto);

        Assert.Contains(toggled.AllButtons(), button => button.Data == "status:OpinionLeader" && button.Label.StartsWith('✅'));
        Assert.Equal(Text("Broadcast_Confirm", 0), preview[^1].Text);
    }

    [Fact]
    public async Task TextReceived_TooShort_RepromptsAndStays()
    {
        await using var bot = await StartAsync(("mykola", "lviv"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await bot.SayAsync("mykola", "/broadcast");
        await bot.PressAsync("mykola", BroadcastDialog.AudienceAll);
        await bot.PressAsync("mykola", BroadcastDialog.Done);
        await bot.PressAsync("mykola", BroadcastDialog.Done);

        var reply = Assert.Single(await bot.SayAsync("mykola", "Вода"));

        Assert.StartsWith(Text("Problem_BroadcastTextLength"), reply.Text);
        Assert.Equal(nameof(BroadcastState.AwaitingText), (await bot.SessionAsync("mykola"))!.State);
    }

    [Fact]
    public async Task Broadcast_CancelledAtPreview_StoresAndSendsNothing()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await ReachPreviewAsync(bot, "mykola");

        await bot.SayAsync("mykola", "/cancel");

        Assert.Empty(await bot.Services<IBroadcastStore>().ListRecentAsync(await bot.IdOfAsync("mykola"), 10, CancellationToken.None));
        Assert.Empty(await bot.NewRepliesAsync("olena"));
        Assert.Null((await bot.SessionAsync("mykola"))!.Dialog);
    }

    [Fact]
    public async Task Broadcast_NotAModerator_RefusesAndAudits()
    {
        await using var bot = await StartAsync(("olena", "kamianske"));

        var reply = Assert.Single(await bot.SayAsync("olena", "/broadcast"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, "command:/broadcast"), (audited.Action, audited.Target));
    }

    [Fact]
    public async Task Broadcast_ModeratorOfAnotherCommunity_RefusesThatCommunityAndOffersOnlyTheirs()
    {
        await using var bot = await StartAsync(("ivan", "lviv"));
        await bot.GrantAsync("ivan", Role.Moderator, "lviv");
        await bot.SayAsync("ivan", "/broadcast");

        var ask = Assert.Single(await bot.PressAsync("ivan", BroadcastDialog.AudienceOne));
        var refused = Assert.Single(await bot.PressAsync("ivan", "community:kamianske"));

        Assert.Equal(["community:lviv"], ask.AllButtons().Select(button => button.Data));
        Assert.StartsWith(Text("Problem_CommunityNotYours"), refused.Text);
        Assert.Equal(nameof(BroadcastState.AwaitingCommunity), (await bot.SessionAsync("ivan"))!.State);
    }

    [Fact]
    public async Task QueueAsync_RunAgainAfterQueueing_SendsNothingTwice()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await ReachPreviewAsync(bot, "mykola");
        await bot.PressAsync("mykola", "confirm");
        var broadcast = await WaitQueuedAsync(bot);
        var store = bot.Services<IBroadcastStore>();

        // A crash after the messages were written but before the broadcast was marked leaves it Queued.
        await store.SaveAsync(broadcast with { Status = BroadcastStatus.Queued }, CancellationToken.None);
        await bot.Services<BroadcastSender>().QueueAsync(broadcast.Id, CancellationToken.None);

        Assert.Single(await BroadcastsToAsync(bot, "olena"));
        var counts = await bot.Outbox.CountByKeyPrefixAsync(broadcast.KeyPrefix, CancellationToken.None);
        Assert.Equal(1, counts[OutboxStatus.Pending]);
        Assert.Equal(BroadcastStatus.Sending, (await store.GetAsync(broadcast.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Broadcast_InsideQuietHours_WaitsUntilTheyEnd()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero)); // 23:00 in Kyiv
        await ReachPreviewAsync(bot, "mykola");

        await bot.PressAsync("mykola", "confirm");
        await WaitQueuedAsync(bot);

        var toOlena = Assert.Single(await BroadcastsToAsync(bot, "olena"));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), toOlena.NotBefore); // 08:00 in Kyiv
    }

    [Fact]
    public async Task CancelBroadcast_PendingMessages_DropsThemAuditsAndShowsInStatus()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"), ("taras", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await ReachPreviewAsync(bot, "mykola");
        await bot.PressAsync("mykola", "confirm");
        var broadcast = await WaitQueuedAsync(bot);

        var list = Assert.Single(await bot.SayAsync("mykola", "/cancelbroadcast"));
        var done = Assert.Single(await bot.PressAsync("mykola", CancelBroadcastDialog.BroadcastPrefix + broadcast.Id));
        var status = Assert.Single(await bot.SayAsync("mykola", "/broadcast status"));
        var none = Assert.Single(await bot.SayAsync("mykola", "/cancelbroadcast"));

        Assert.Equal([CancelBroadcastDialog.BroadcastPrefix + broadcast.Id], list.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("CancelBroadcast_Done"), done.Text);
        var counts = await bot.Outbox.CountByKeyPrefixAsync(broadcast.KeyPrefix, CancellationToken.None);
        Assert.Equal(2, counts[OutboxStatus.Dropped]);
        Assert.False(counts.ContainsKey(OutboxStatus.Pending));
        Assert.Contains(Text("BroadcastStatus_Cancelled"), status.Text);
        Assert.Equal(Text("CancelBroadcast_None"), none.Text);
        Assert.Equal(
            [AuditActions.BroadcastQueued, AuditActions.BroadcastCancelled],
            (await bot.AuditAsync()).Select(entry => entry.Action));
    }

    [Fact]
    public async Task BroadcastStatus_SomeSent_CountsQueuedSentFailedAndUnreachable()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"), ("taras", "kamianske"), ("ivan", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await ReachPreviewAsync(bot, "mykola");
        await bot.PressAsync("mykola", "confirm");
        var broadcast = await WaitQueuedAsync(bot);
        var claimed = (await bot.Outbox.ClaimDueAsync(_time.GetUtcNow(), TimeSpan.FromMinutes(1), 1000, CancellationToken.None))
            .Where(message => message.IdempotencyKey.StartsWith(broadcast.KeyPrefix, StringComparison.Ordinal))
            .ToList();
        await bot.Outbox.MarkSentAsync(claimed[0].Id, "1", _time.GetUtcNow(), CancellationToken.None);
        await bot.Outbox.MarkFailedAsync(claimed[1].Id, "boom", CancellationToken.None);
        await bot.Outbox.DropPendingAsync(claimed[2].Channel, claimed[2].ChatId, "blocked", CancellationToken.None);

        var (current, progress) = await bot.Services<BroadcastSender>().ProgressAsync(broadcast, CancellationToken.None);

        Assert.Equal(new BroadcastProgress(0, 1, 1, 1), progress);
        Assert.Equal(BroadcastStatus.Done, current.Status);
    }

    [Fact]
    public async Task Confirmed_RoleInTheCommunityRevokedMeanwhile_RefusesAuditsAndStoresNothing()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await bot.GrantAsync("mykola", Role.Moderator, "lviv");
        await ReachPreviewAsync(bot, "mykola");
        await bot.Services<IRoleStore>().DeleteAsync(await bot.IdOfAsync("mykola"), "kamianske", CancellationToken.None);

        var reply = Assert.Single(await bot.PressAsync("mykola", "confirm"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Empty(await bot.Services<IBroadcastStore>().ListRecentAsync(await bot.IdOfAsync("mykola"), 10, CancellationToken.None));
        var refused = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, "kamianske"), (refused.Action, refused.CommunityId));
    }

    [Fact]
    public async Task CancelBroadcast_EveryMessageDelivered_AnswersUnchangedAndMarksItDone()
    {
        await using var bot = await StartAsync(("mykola", "lviv"), ("olena", "kamianske"));
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await ReachPreviewAsync(bot, "mykola");
        await bot.PressAsync("mykola", "confirm");
        var broadcast = await WaitQueuedAsync(bot);
        var message = Assert.Single(await BroadcastsToAsync(bot, "olena"));
        await bot.Outbox.MarkSentAsync(message.Id, "1", _time.GetUtcNow(), CancellationToken.None);
        await bot.SayAsync("mykola", "/cancelbroadcast");

        var reply = Assert.Single(await bot.PressAsync("mykola", CancelBroadcastDialog.BroadcastPrefix + broadcast.Id));

        Assert.Equal(Text("Admin_Unchanged"), reply.Text);
        Assert.Equal(BroadcastStatus.Done, (await bot.Services<IBroadcastStore>().GetAsync(broadcast.Id, CancellationToken.None))?.Status);
        Assert.Equal(OutboxStatus.Sent, (await bot.Outbox.GetAsync(message.Id, CancellationToken.None))?.Status);
    }

    /// <summary>/broadcast to the moderator's one community, no sphere or status filter, the announcement, no photo.</summary>
    private static async Task<IReadOnlyList<OutboundReply>> ReachPreviewAsync(EngineHarness bot, string user)
    {
        await bot.SayAsync(user, "/broadcast");
        await bot.PressAsync(user, BroadcastDialog.AudienceOne);
        await bot.PressAsync(user, "community:kamianske");
        await bot.PressAsync(user, BroadcastDialog.Done);
        await bot.PressAsync(user, BroadcastDialog.Done);
        await bot.SayAsync(user, Announcement);
        return await bot.PressAsync(user, BroadcastDialog.SkipPhoto);
    }

    private static async Task<IReadOnlyList<OutboxMessage>> BroadcastsToAsync(EngineHarness bot, string user) =>
        [.. (await bot.Outbox.ListForChatAsync(ChannelKind.Dev, user, 0, CancellationToken.None))
            .Where(message => message.IdempotencyKey.StartsWith("broadcast:", StringComparison.Ordinal))];

    /// <summary>Waits (10 s at most, as the harness waits for the inbox) for the worker to put the only broadcast's messages in the outbox.</summary>
    private static async Task<Broadcast> WaitQueuedAsync(EngineHarness bot)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var sending = await bot.Services<IBroadcastStore>().ListByStatusAsync(BroadcastStatus.Sending, CancellationToken.None);
            if (sending.Count == 1)
            {
                return sending[0];
            }

            Assert.True(DateTime.UtcNow < deadline, "The broadcast was not queued within 10 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Residents onboarded in their communities; the moderators live in Lviv and moderate Kamianske,
    /// so a broadcast to Kamianske never lands in the chat whose replies a test reads.
    /// </summary>
    private async Task<EngineHarness> StartAsync(params (string User, string Community)[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var (user, community) in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, "Олена", community);
            await bot.NewRepliesAsync(user, ChannelKind.Dev);
        }

        return bot;
    }
}
