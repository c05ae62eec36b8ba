using Hromada.Bots.Outbox;
using Hromada.Core.Conversations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hromada.Bots.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DispatchPending_SenderSucceeds_MarksSentInOrder()
    {
        var store = new InMemoryOutbox(Message(1, ChannelKind.Dev), Message(2, ChannelKind.Dev));
        var sender = new RecordingSender(ChannelKind.Dev);
        var dispatcher = Dispatcher(store, sender);

        await dispatcher.DispatchPendingAsync(Cancellation);

        Assert.Equal([1L, 2L], sender.Sent);
        Assert.All(store.Messages, message => Assert.Equal(OutboxStatus.Sent, message.Status));
    }

    [Fact]
    public async Task DispatchPending_SenderThrows_MarksFailedAndGoesOn()
    {
        var store = new InMemoryOutbox(Message(1, ChannelKind.Telegram), Message(2, ChannelKind.Dev));
        var dispatcher = Dispatcher(store, new RecordingSender(ChannelKind.Telegram, fails: true), new RecordingSender(ChannelKind.Dev));

        await dispatcher.DispatchPendingAsync(Cancellation);

        Assert.Equal(OutboxStatus.Failed, store.Messages[0].Status);
        Assert.Equal(OutboxStatus.Sent, store.Messages[1].Status);
    }

    [Fact]
    public async Task DispatchPending_NoSenderForChannel_MarksFailed()
    {
        var store = new InMemoryOutbox(Message(1, ChannelKind.Viber));
        var dispatcher = Dispatcher(store, new RecordingSender(ChannelKind.Dev));

        await dispatcher.DispatchPendingAsync(Cancellation);

        Assert.Equal(OutboxStatus.Failed, Assert.Single(store.Messages).Status);
    }

    [Fact]
    public async Task DispatchPending_MoreThanOneBatch_DeliversAll()
    {
        var count = OutboxDispatcher.BatchSize + 5;
        var store = new InMemoryOutbox([.. Enumerable.Range(1, count).Select(id => Message(id, ChannelKind.Dev))]);
        var sender = new RecordingSender(ChannelKind.Dev);
        var dispatcher = Dispatcher(store, sender);

        await dispatcher.DispatchPendingAsync(Cancellation);

        Assert.Equal(count, sender.Sent.Count);
        Assert.All(store.Messages, message => Assert.Equal(OutboxStatus.Sent, message.Status));
    }

    [Fact]
    public async Task Run_SignalledAfterStart_DeliversNewMessage()
    {
        var store = new InMemoryOutbox();
        var signal = new OutboxSignal();
        var sender = new RecordingSender(ChannelKind.Dev);
        using var dispatcher = new OutboxDispatcher(store, signal, [sender], NullLogger<OutboxDispatcher>.Instance);
        await dispatcher.StartAsync(Cancellation);

        await store.AddAsync([Message(7, ChannelKind.Dev)], Cancellation);
        signal.Notify();

        await Eventually.ResultAsync(() => Task.FromResult(sender.Sent.Count), sent => sent == 1);
        await dispatcher.StopAsync(Cancellation);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(store.Messages).Status);
    }

    private static OutboxDispatcher Dispatcher(IOutboxStore store, params IChannelSender[] senders) =>
        new(store, new OutboxSignal(), senders, NullLogger<OutboxDispatcher>.Instance);

    private static OutboxMessage Message(long id, ChannelKind channel) =>
        new(id, $"key-{id}", channel, "chat", new OutboundReply("text"), OutboxStatus.Pending, DateTimeOffset.UnixEpoch);

    private sealed class RecordingSender(ChannelKind channel, bool fails = false) : IChannelSender
    {
        private readonly List<long> _sent = [];

        public ChannelKind Channel => channel;

        public IReadOnlyList<long> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (fails)
            {
                throw new HttpRequestException("The platform is down.");
            }

            lock (_sent)
            {
                _sent.Add(message.Id);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class InMemoryOutbox(params OutboxMessage[] messages) : IOutboxStore
    {
        private readonly List<OutboxMessage> _messages = [.. messages];

        public IReadOnlyList<OutboxMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public Task AddAsync(IReadOnlyList<OutboxMessage> added, CancellationToken cancellationToken)
        {
            lock (_messages)
            {
                _messages.AddRange(added);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<OutboxMessage>> GetPendingAsync(int limit, CancellationToken cancellationToken)
        {
            lock (_messages)
            {
                return Task.FromResult<IReadOnlyList<OutboxMessage>>(
                    [.. _messages.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.Id).Take(limit)]);
            }
        }

        public Task MarkAsync(long id, OutboxStatus status, CancellationToken cancellationToken)
        {
            lock (_messages)
            {
                var index = _messages.FindIndex(m => m.Id == id);
                _messages[index] = _messages[index] with { Status = status };
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<OutboxMessage>> ListForChatAsync(
            ChannelKind channel, string chatId, long afterId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
