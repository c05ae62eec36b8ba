using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Outbox;

/// <summary>
/// Delivers stored replies and broadcasts. One loop claims due messages (replies first, leased so
/// no other instance takes them); each chat gets a lane that sends its messages one by one in claim
/// order, keeping the chat's interval; every send passes its channel's gate (rate, platform pause)
/// and a bounded number of send slots. Woken by <see cref="OutboxSignal"/>, and once a second anyway.
/// </summary>
/// <remarks>
/// A message is only sent while this instance's lease on it runs. A message put off (429, a sender
/// bug) stays at the head of its lane, so the chat's later messages wait behind it, and is sent
/// again once a claim has leased it anew; should another instance get it first, the lane lets go
/// of it and of the chat's later messages, which come back through later claims.
/// </remarks>
internal sealed partial class OutboxDispatcher : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    private readonly IOutboxStore _outbox;
    private readonly IResidentStore _residents;
    private readonly OutboxSignal _signal;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly Dictionary<ChannelKind, IChannelSender> _senders;
    private readonly Dictionary<ChannelKind, ChannelGate> _gates;
    private readonly SemaphoreSlim _sendSlots;

    /// <summary>Guards the held messages, the lanes and the claim round.</summary>
    private readonly Lock _lock = new();
    private readonly Dictionary<long, HeldMessage> _held = [];
    private readonly Dictionary<string, ChatLane> _lanes = [];
    private readonly HashSet<Task> _laneTasks = [];
    private TaskCompletionSource _nextClaimRound = NewRound();
    private bool _backlog;

    /// <summary>
    /// Messages finished here (recorded as sent or failed, or their chat dropped) since the current
    /// claim began. That claim may have read the store before their outcome was committed and hand
    /// them back as due, their leases having run out while they were sent; taking them then would
    /// send them again. A claim begun after an outcome was committed reads it, so the set starts
    /// empty with each claim.
    /// </summary>
    private readonly HashSet<long> _finishedDuringClaim = [];

    /// <summary>Cancelled only when the host gives up waiting for in-flight sends to finish.</summary>
    private readonly CancellationTokenSource _abortSends = new();

    public OutboxDispatcher(
        IOutboxStore outbox,
        IResidentStore residents,
        OutboxSignal signal,
        IEnumerable<IChannelSender> senders,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        ILogger<OutboxDispatcher> logger)
    {
        _outbox = outbox;
        _residents = residents;
        _signal = signal;
        _options = options.Value;
        _time = time;
        _logger = logger;

        // The last registration of a channel wins, as elsewhere in dependency injection.
        _senders = senders.GroupBy(sender => sender.Channel).ToDictionary(group => group.Key, group => group.Last());
        _gates = Enum.GetValues<ChannelKind>().ToDictionary(channel => channel, channel => new ChannelGate(_options.For(channel), time));
        _sendSlots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
    }

    /// <summary>Before sending, at least this much of the lease must be left, so the send ends within it.</summary>
    private TimeSpan LeaseMargin => _options.Lease / 4;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Graceful: no new sends, in-flight ones finish and are recorded, unless the host stops waiting.
        await using var abort = cancellationToken.Register(_abortSends.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }

        _sendSlots.Dispose();
        _abortSends.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ClaimAsync(stoppingToken);
                await _signal.WaitAsync(IdleWait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is not sent stays pending for the next start (or instance).
        }

        Task[] lanes;
        lock (_lock)
        {
            lanes = [.. _laneTasks];
        }

        await Task.WhenAll(lanes);
    }

    /// <summary>Claims as many due messages as there is room for and hands them to their chats' lanes.</summary>
    private async Task ClaimAsync(CancellationToken stoppingToken)
    {
        TaskCompletionSource round;
        int limit;
        lock (_lock)
        {
            round = _nextClaimRound;
            _nextClaimRound = NewRound();
            limit = Math.Max(_options.BatchSize - _held.Count, _held.Values.Count(IsLapsed));
            _finishedDuringClaim.Clear();
        }

        try
        {
            if (limit == 0)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var claimed = await _outbox.ClaimDueAsync(now, _options.Lease, limit, stoppingToken);
            lock (_lock)
            {
                _backlog = claimed.Count == limit;
                foreach (var message in claimed.Where(message => !_finishedDuringClaim.Contains(message.Id)))
                {
                    Take(message, now + _options.Lease, stoppingToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception);
        }
        finally
        {
            round.TrySetResult();
        }
    }

    /// <summary>Holds a claimed message in its chat's lane, or renews the lease of one held already.</summary>
    private void Take(OutboxMessage message, DateTimeOffset leasedUntil, CancellationToken stoppingToken)
    {
        if (_held.TryGetValue(message.Id, out var held))
        {
            held.LeasedUntil = leasedUntil;
            return;
        }

        held = new HeldMessage(message, leasedUntil);
        _held[message.Id] = held;
        var key = LaneKey(message.Channel, message.ChatId);
        if (!_lanes.TryGetValue(key, out var lane))
        {
            lane = new ChatLane(key, message.Channel, message.ChatId);
            _lanes[key] = lane;
        }

        lane.Queue.Add(held);
        if (lane.Task is null)
        {
            var task = Task.Run(() => RunLaneAsync(lane, stoppingToken), CancellationToken.None);
            lane.Task = task;
            _laneTasks.Add(task);
        }
    }

    /// <summary>Sends one chat's messages in order until none is left, then keeps the chat's interval and ends.</summary>
    private async Task RunLaneAsync(ChatLane lane, CancellationToken stoppingToken)
    {
        var interval = _options.For(lane.Channel).PerChatInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                HeldMessage? head;
                lock (_lock)
                {
                    head = lane.Queue.Min;
                    if (head is null && _time.GetUtcNow() >= lane.LastSentAt + interval)
                    {
                        _lanes.Remove(lane.Key);
                        _laneTasks.Remove(lane.Task!);
                        lane.Task = null;
                        return;
                    }
                }

                // The chat's interval, and a put-off message's own wait; a reply claimed meanwhile goes first.
                var wait = Later(lane.LastSentAt + interval, head?.NotBefore ?? DateTimeOffset.MinValue) - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stoppingToken);
                    continue;
                }

                if (head is null || !await HoldsLeaseAsync(lane, head, stoppingToken))
                {
                    continue;
                }

                await DeliverAsync(lane, head, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || _abortSends.IsCancellationRequested)
        {
            // Shutting down: the held messages stay leased until their leases end.
        }
        catch (Exception exception)
        {
            LogLaneFailed(exception, lane.Channel);
        }
        finally
        {
            // Ended other than by running empty: the lane's messages come back through later claims.
            lock (_lock)
            {
                if (lane.Task is { } task)
                {
                    LetGo(lane);
                    _lanes.Remove(lane.Key);
                    _laneTasks.Remove(task);
                    lane.Task = null;
                }
            }
        }
    }

    /// <summary>
    /// True when the lease on the message runs long enough to send it. Otherwise waits for the lease
    /// to end and a claim to renew it; if the claim does not, another instance has the message, and
    /// the lane lets go of it and the chat's later messages (false).
    /// </summary>
    private async Task<bool> HoldsLeaseAsync(ChatLane lane, HeldMessage held, CancellationToken stoppingToken)
    {
        DateTimeOffset leasedUntil;
        lock (_lock)
        {
            leasedUntil = held.LeasedUntil;
        }

        if (leasedUntil - LeaseMargin > _time.GetUtcNow())
        {
            return true;
        }

        var untilDue = leasedUntil - _time.GetUtcNow();
        if (untilDue > TimeSpan.Zero)
        {
            await Task.Delay(untilDue, _time, stoppingToken);
        }

        Task round;
        lock (_lock)
        {
            round = _nextClaimRound.Task;
        }

        _signal.Notify();
        await round.WaitAsync(stoppingToken);
        lock (_lock)
        {
            if (held.LeasedUntil - LeaseMargin > _time.GetUtcNow())
            {
                return true;
            }

            LogLeaseLost(held.Message.Id, lane.Channel, lane.Queue.Count);
            LetGo(lane);
            return false;
        }
    }

    private async Task DeliverAsync(ChatLane lane, HeldMessage held, CancellationToken stoppingToken)
    {
        var message = held.Message;
        if (!_senders.TryGetValue(message.Channel, out var sender))
        {
            LogNoSender(message.Id, message.Channel);
            await RecordAsync(lane, held, () => _outbox.MarkFailedAsync(message.Id, $"No sender for the {message.Channel} channel.", _abortSends.Token));
            return;
        }

        var gate = _gates[message.Channel];
        // The slot is held until the outcome is stored, so a crash can leave at most
        // MaxConcurrency messages sent but not yet marked (and so sent again after a restart).
        await gate.WaitAsync(message.Priority, _sendSlots, stoppingToken);
        try
        {
            DeliveryResult? result = null;
            Exception? bug = null;
            try
            {
                lane.LastSentAt = _time.GetUtcNow();
                result = await sender.SendAsync(message, _abortSends.Token);
            }
            catch (Exception exception) when (!_abortSends.IsCancellationRequested)
            {
                bug = exception;
            }

            await RecordOutcomeAsync(lane, held, gate, result, bug);
        }
        finally
        {
            _sendSlots.Release();
        }
    }

    private async Task RecordOutcomeAsync(ChatLane lane, HeldMessage held, ChannelGate gate, DeliveryResult? result, Exception? bug)
    {
        var message = held.Message;
        var now = _time.GetUtcNow();
        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                LogDelivered(message.Id, message.Channel);
                await RecordAsync(lane, held, () => _outbox.MarkSentAsync(message.Id, delivered.PlatformMessageId, now, _abortSends.Token));
                break;
            case DeliveryResult.RateLimited limited:
                LogRateLimited(message.Id, message.Channel, limited.RetryAfter.TotalSeconds);
                gate.PauseUntil(now + limited.RetryAfter);
                await PutOffAsync(lane, held, now + limited.RetryAfter, "Rate limited by the platform.");
                break;
            case DeliveryResult.Unreachable unreachable:
                await DropChatAsync(lane, held, unreachable.Reason);
                break;
            case DeliveryResult.Unavailable unavailable:
                // An outage delays the message, never loses it: backing off, with no limit on attempts.
                LogUnavailable(message.Id, message.Channel, message.Attempts + 1);
                await PutOffAsync(lane, held, now + Backoff(message.Attempts + 1), unavailable.Reason);
                break;
            case DeliveryResult.Failed failed:
                LogFailed(message.Id, message.Channel);
                await RecordAsync(lane, held, () => _outbox.MarkFailedAsync(message.Id, failed.Reason, _abortSends.Token));
                break;
            case null:
                await RetryAfterBugAsync(lane, held, bug!, now);
                break;
            default:
                throw new InvalidOperationException($"Unknown delivery result {result.GetType().Name}.");
        }
    }

    /// <summary>A sender that throws has a bug: try again later, backing off, up to the configured attempts.</summary>
    private async Task RetryAfterBugAsync(ChatLane lane, HeldMessage held, Exception bug, DateTimeOffset now)
    {
        var message = held.Message;
        var attempt = message.Attempts + 1;
        var reason = $"The {message.Channel} sender threw {bug.GetType().Name}: {bug.Message}";
        if (attempt >= _options.MaxAttempts)
        {
            LogGaveUp(bug, message.Id, message.Channel, attempt);
            await RecordAsync(lane, held, () => _outbox.MarkFailedAsync(message.Id, reason, _abortSends.Token));
            return;
        }

        LogSenderThrew(bug, message.Id, message.Channel, attempt);
        await PutOffAsync(lane, held, now + Backoff(attempt), reason);
    }

    /// <summary>Exponential, capped, with jitter: half the delay fixed, half random.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        var delay = exponential < _options.MaxRetryDelay ? exponential : _options.MaxRetryDelay;
        return (delay / 2) + (delay / 2 * Random.Shared.NextDouble());
    }

    /// <summary>Stores the retry, and keeps the message at the head of its lane until then.</summary>
    private async Task PutOffAsync(ChatLane lane, HeldMessage held, DateTimeOffset notBefore, string reason)
    {
        var message = held.Message;
        if (!await TryStoreAsync(lane, () => _outbox.RetryLaterAsync(message.Id, notBefore, reason, _abortSends.Token)))
        {
            return;
        }

        lock (_lock)
        {
            held.Message = message with { Attempts = message.Attempts + 1, NotBefore = notBefore };
            held.LeasedUntil = notBefore;
        }
    }

    /// <summary>The resident blocked the bot or left: mark them unreachable and drop everything queued for the chat.</summary>
    private async Task DropChatAsync(ChatLane lane, HeldMessage held, string reason)
    {
        var message = held.Message;
        await TryStoreAsync(lane, async () =>
        {
            // In a private chat the chat id is the user's id, on Telegram and Viber alike.
            var known = await _residents.SetReachableAsync(new IdentityKey(message.Channel, message.ChatId), reachable: false, _abortSends.Token);
            var dropped = await _outbox.DropPendingAsync(message.Channel, message.ChatId, reason, _abortSends.Token);
            LogUnreachable(message.Id, message.Channel, dropped, known);
        });
        lock (_lock)
        {
            _finishedDuringClaim.UnionWith(lane.Queue.Select(dropped => dropped.Message.Id));
            LetGo(lane);
        }
    }

    /// <summary>Records a final outcome and lets go of the message.</summary>
    private async Task RecordAsync(ChatLane lane, HeldMessage held, Func<Task> record)
    {
        if (!await TryStoreAsync(lane, record))
        {
            return;
        }

        lock (_lock)
        {
            lane.Queue.Remove(held);
            _held.Remove(held.Message.Id);
            _finishedDuringClaim.Add(held.Message.Id);
            if (_backlog && _held.Count <= _options.BatchSize / 2)
            {
                _signal.Notify();
            }
        }
    }

    /// <summary>
    /// A store failure leaves the message pending under its lease; the lane lets go of the chat so
    /// nothing of it is sent out of order, and a later claim brings it all back.
    /// </summary>
    private async Task<bool> TryStoreAsync(ChatLane lane, Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception exception) when (!_abortSends.IsCancellationRequested)
        {
            LogStoreFailed(exception);
            lock (_lock)
            {
                LetGo(lane);
            }

            return false;
        }
    }

    /// <summary>Forgets every message the lane holds (under the lock); they stay pending in the store.</summary>
    private void LetGo(ChatLane lane)
    {
        foreach (var held in lane.Queue)
        {
            _held.Remove(held.Message.Id);
        }

        lane.Queue.Clear();
    }

    private bool IsLapsed(HeldMessage held) => held.LeasedUntil - LeaseMargin <= _time.GetUtcNow();

    private static string LaneKey(ChannelKind channel, string chatId) => $"{channel}:{chatId}";

    private static DateTimeOffset Later(DateTimeOffset first, DateTimeOffset second) => first > second ? first : second;

    private static TaskCompletionSource NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {OutboxId} delivered on {Channel}")]
    private partial void LogDelivered(long outboxId, ChannelKind channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxId}: {Channel} asked to wait {RetryAfterSeconds} s; the channel pauses")]
    private partial void LogRateLimited(long outboxId, ChannelKind channel, double retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxId}: the recipient on {Channel} is unreachable; {Dropped} queued messages dropped (resident known: {ResidentKnown})")]
    private partial void LogUnreachable(long outboxId, ChannelKind channel, int dropped, bool residentKnown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId}: {Channel} is unavailable (attempt {Attempt}); trying again later")]
    private partial void LogUnavailable(long outboxId, ChannelKind channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} failed on {Channel}")]
    private partial void LogFailed(long outboxId, ChannelKind channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Channel} sender threw on outbox message {OutboxId} (attempt {Attempt}); trying again later")]
    private partial void LogSenderThrew(Exception exception, long outboxId, ChannelKind channel, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Channel} sender threw on outbox message {OutboxId} (attempt {Attempt}); marked failed")]
    private partial void LogGaveUp(Exception exception, long outboxId, ChannelKind channel, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {OutboxId} has no sender for channel {Channel}")]
    private partial void LogNoSender(long outboxId, ChannelKind channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} on {Channel}: the lease ran out and another claimer took it; letting go of the chat's {Held} held messages")]
    private partial void LogLeaseLost(long outboxId, ChannelKind channel, int held);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox store failed; the messages stay pending and are claimed again")]
    private partial void LogStoreFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Channel} chat lane failed; its messages are claimed again when their leases end")]
    private partial void LogLaneFailed(Exception exception, ChannelKind channel);

    /// <summary>A claimed message this instance is working on.</summary>
    private sealed class HeldMessage(OutboxMessage message, DateTimeOffset leasedUntil)
    {
        public OutboxMessage Message { get; set; } = message;

        public DateTimeOffset LeasedUntil { get; set; } = leasedUntil;

        public DateTimeOffset NotBefore => Message.NotBefore ?? DateTimeOffset.MinValue;
    }

    /// <summary>One chat's held messages in claim order (replies first, then by id) and its last send.</summary>
    private sealed class ChatLane(string key, ChannelKind channel, string chatId)
    {
        public string Key { get; } = key;

        public ChannelKind Channel { get; } = channel;

        public string ChatId { get; } = chatId;

        public SortedSet<HeldMessage> Queue { get; } = new(Comparer<HeldMessage>.Create(
            (a, b) => (a.Message.Priority, a.Message.Id).CompareTo((b.Message.Priority, b.Message.Id))));

        public DateTimeOffset LastSentAt { get; set; } = DateTimeOffset.MinValue;

        public Task? Task { get; set; }
    }
}
