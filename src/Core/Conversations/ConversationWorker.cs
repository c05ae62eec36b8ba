using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Hromada.Core.Conversations;

/// <summary>
/// Accepts inbound messages into the inbox and handles them: one resident's messages one at a time
/// in acceptance order, different residents in parallel lanes. Entries left pending by a crash are
/// queued again on start, before any new message.
/// </summary>
public sealed class ConversationWorker : BackgroundService
{
    private readonly IInboxStore _inbox;
    private readonly ConversationEngine _engine;
    private readonly Lane[] _lanes;

    public ConversationWorker(IInboxStore inbox, ConversationEngine engine, ConversationOptions options)
    {
        _inbox = inbox;
        _engine = engine;
        _lanes = Enumerable.Range(0, options.Lanes).Select(_ => new Lane()).ToArray();
    }

    /// <summary>Stores the message and queues it for handling.</summary>
    /// <returns>False when the same channel update was accepted before (a platform retry).</returns>
    public async Task<bool> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var lane = LaneOf(message.Sender);

        // Storing and queueing under the lane's lock keeps the queue in sequence order.
        await lane.Gate.WaitAsync(cancellationToken);
        try
        {
            var entry = await _inbox.TryAddAsync(message, cancellationToken);
            if (entry is null)
            {
                return false;
            }

            lane.Queue.Writer.TryWrite(entry);
            return true;
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await _inbox.GetPendingAsync(cancellationToken))
        {
            LaneOf(entry.Message.Sender).Queue.Writer.TryWrite(entry);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => RunAsync(lane, stoppingToken)));

    private async Task RunAsync(Lane lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var entry in lane.Queue.Reader.ReadAllAsync(stoppingToken))
            {
                await _engine.HandleAsync(entry, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is left stays pending in the inbox for the next start.
        }
    }

    private Lane LaneOf(IdentityKey sender) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(sender.ToString()) % (uint)_lanes.Length)];

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Channel<InboxEntry> Queue { get; } = Channel.CreateUnbounded<InboxEntry>(
            new UnboundedChannelOptions { SingleReader = true });
    }
}
