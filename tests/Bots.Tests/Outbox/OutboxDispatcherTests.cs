using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_ReplyStored_MarksItSent()
    {
        await using var host = TestHost.Start();
        var outbox = host.Services.GetRequiredService<IOutboxStore>();

        await outbox.AddAsync(
            [new(0, "k1", ChannelKind.Dev, "chat", new OutboundReply("text"), OutboxStatus.Pending, DateTimeOffset.UtcNow)],
            Cancellation);
        host.Services.GetRequiredService<OutboxSignal>().Notify();

        var sent = await Eventually.ResultAsync(
            () => outbox.ListForChatAsync(ChannelKind.Dev, "chat", 0, Cancellation),
            messages => messages.Count == 1 && messages[0].Status == OutboxStatus.Sent);
        Assert.NotNull(sent[0].SentAt);
    }
}
