using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Broadcasts;

/// <summary>
/// Runs the fan-out of confirmed broadcasts off the moderator's message handling: woken when one is
/// confirmed, and once a minute anyway, so a broadcast a restart left Queued is finished on start-up.
/// A failed round is logged and tried again on the next: a service that throws stops the whole host.
/// </summary>
public sealed partial class BroadcastWorker(BroadcastSender sender, ILogger<BroadcastWorker> logger) : BackgroundService
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
            try
            {
                await sender.QueueWaitingAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRoundFailed(exception);
            }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Queueing the waiting broadcasts failed; tried again on the next wake-up or within a minute")]
    private partial void LogRoundFailed(Exception exception);
}
