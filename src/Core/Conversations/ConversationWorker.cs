using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Hromada.Core.Conversations;

/// <summary>
/// Accepts inbound messages into the inbox and handles them: one resident's messages one at a time
/// in acceptance order, different residents in parallel lanes. Entries left pending by a crash are
/// queued again on start, before any new message.
/// </summary>
/// <remarks>
/// Accepting is ordered per resident, not per lane: a resident's messages are stored and queued one
/// at a time, so their sequences reach the lane in order, while residents who share a lane are
/// stored at the same time and can share one commit of the store.
/// </remarks>
public sealed class ConversationWorker : BackgroundService
{
    /// <summary>Gates for accepting, by resident: enough that residents posting at once seldom share one.</summary>
    private const int AcceptGates = 1024;

    private readonly IInboxStore _inbox;
    private readonly ConversationEngine _engine;
    private readonly Lane[] _lanes;
    private readonly SemaphoreSlim[] _acceptGates;

    public ConversationWorker(IInboxStore inbox, ConversationEngine engine, ConversationOptions options)
    {
        _inbox = inbox;
        _engine = engine;
        _lanes = Enumerable.Range(0, options.Lanes).Select(_ => new Lane()).ToArray();
        _acceptGates = Enumerable.Range(0, AcceptGates).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    }

    /// <summary>Stores the message and queues it for handling.</summary>
    /// <returns>False when the same channel update was accepted before (a platform retry).</returns>
    public async Task<bool> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var gate = _acceptGates[Slot(message.Sender.ToString(), AcceptGates)];

        // Storing and queueing under the resident's gate keeps their entries in sequence order.
        await gate.WaitAsync(cancellationToken);
        try
        {
            var entry = await _inbox.TryAddAsync(message, cancellationToken);
            if (entry is null)
            {
                return false;
            }

            LaneOf(message.Sender).Queue.Writer.TryWrite(entry);
            return true;
        }
        finally
        {
            gate.Release();
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

    private Lane LaneOf(IdentityKey sender) => _lanes[Slot(sender.ToString(), _lanes.Length)];

    private static int Slot(string key, int count) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)count);

    private sealed class Lane
    {
        public Channel<InboxEntry> Queue { get; } = Channel.CreateUnbounded<InboxEntry>(
            new UnboundedChannelOptions { SingleReader = true });
    }
}
