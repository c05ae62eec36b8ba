using System.Diagnostics;
using Hromada.Core.Conversations;

namespace Hromada.Bots.Tests.Outbox;

/// <summary>
/// A fake of a platform (not of our store): records every send with its start and end and answers
/// as scripted per outbox message, delivering by default. One instance lives across host restarts.
/// </summary>
internal sealed class ScriptedSender(ChannelKind channel) : IChannelSender
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<SendCall> _calls = [];
    private readonly Dictionary<string, Queue<Func<DeliveryResult>>> _scripts = [];

    public ChannelKind Channel => channel;

    /// <summary>Time since the sender was made, on the same clock as the calls' times.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<SendCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The next sends of the message with that idempotency key answer so, one answer per send.</summary>
    public void Script(string idempotencyKey, params Func<DeliveryResult>[] answers)
    {
        lock (_calls)
        {
            _scripts[idempotencyKey] = new Queue<Func<DeliveryResult>>(answers);
        }
    }

    public IReadOnlyList<SendCall> CallsFor(string idempotencyKey) =>
        [.. Calls.Where(call => call.IdempotencyKey == idempotencyKey)];

    public Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var started = _clock.Elapsed;
        Func<DeliveryResult>? answer = null;
        lock (_calls)
        {
            if (_scripts.TryGetValue(message.IdempotencyKey, out var script) && script.Count > 0)
            {
                answer = script.Dequeue();
            }
        }

        DeliveryResult result;
        try
        {
            result = answer?.Invoke() ?? new DeliveryResult.Delivered($"p-{message.Id}");
        }
        finally
        {
            lock (_calls)
            {
                _calls.Add(new SendCall(message.Id, message.IdempotencyKey, message.ChatId, message.Priority, started, _clock.Elapsed));
            }
        }

        return Task.FromResult(result);
    }
}

internal sealed record SendCall(long Id, string IdempotencyKey, string ChatId, OutboxPriority Priority, TimeSpan StartedAt, TimeSpan EndedAt);
