using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Hromada.Core.Broadcasts;

/// <summary>
/// Runs the fan-out of confirmed broadcasts off the moderator's message handling: woken when one is
/// confirmed, and once a minute anyway, so a broadcast a restart left Queued is finished on start-up.
/// </summary>
public sealed class BroadcastWorker(BroadcastSender sender) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // One pending wake-up is enough however many broadcasts are confirmed.
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakeUps.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await sender.QueueWaitingAsync(stoppingToken);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timer.CancelAfter(Interval);
            try
            {
                await _wakeUps.Reader.ReadAsync(timer.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The minute passed: look at the store anyway.
            }
        }
    }
}
