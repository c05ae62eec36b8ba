using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Residents;

public sealed class ResidentNotifierTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Notify_SameKeyTwice_QueuesOneMessageInResidentsLanguage()
    {
        await using var engine = await EngineHarness.StartAsync(_database.Path, _time);
        var resident = Resident("r1", Language.En, new ChannelIdentity(ChannelKind.Telegram, "100", "100"));
        var notifier = engine.Services<ResidentNotifier>();

        var first = await notifier.NotifyAsync(resident, "test:once", "Channel_Welcome", CancellationToken.None);
        var second = await notifier.NotifyAsync(resident, "test:once", "Channel_Welcome", CancellationToken.None);

        var queued = await engine.Outbox.ListForChatAsync(ChannelKind.Telegram, "100", 0, CancellationToken.None);
        Assert.True(first);
        Assert.True(second);
        Assert.Equal(Texts.Get(Language.En, "Channel_Welcome"), Assert.Single(queued).Reply.Text);
        Assert.Equal("test:once:r1", queued[0].IdempotencyKey);
    }

    [Fact]
    public async Task Notify_FirstAppUnreachable_GoesToTheNextOne()
    {
        await using var engine = await EngineHarness.StartAsync(_database.Path, _time);
        var resident = Resident(
            "r2",
            Language.Uk,
            new ChannelIdentity(ChannelKind.Telegram, "200", "200") { Reachable = false },
            new ChannelIdentity(ChannelKind.Viber, "v200", "v200"));

        await engine.Services<ResidentNotifier>().NotifyAsync(resident, "test:next", "Channel_Welcome", CancellationToken.None);

        Assert.Empty(await engine.Outbox.ListForChatAsync(ChannelKind.Telegram, "200", 0, CancellationToken.None));
        Assert.Single(await engine.Outbox.ListForChatAsync(ChannelKind.Viber, "v200", 0, CancellationToken.None));
    }

    [Fact]
    public async Task Notify_NoAppReachable_QueuesNothingAndSaysSo()
    {
        await using var engine = await EngineHarness.StartAsync(_database.Path, _time);
        var resident = Resident("r3", Language.Uk, new ChannelIdentity(ChannelKind.Telegram, "300", "300") { Reachable = false });

        var queued = await engine.Services<ResidentNotifier>().NotifyAsync(resident, "test:none", "Channel_Welcome", CancellationToken.None);

        Assert.False(queued);
        Assert.Empty(await engine.Outbox.ListForChatAsync(ChannelKind.Telegram, "300", 0, CancellationToken.None));
    }

    private Resident Resident(string id, Language language, params ChannelIdentity[] identities) =>
        new() { Id = id, Language = language, Identities = [.. identities], CreatedAt = _time.GetUtcNow() };
}
