using Hromada.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Outbox;

/// <summary>The "Outbox" section: how fast and how hard the dispatcher delivers.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Most messages held (claimed, not yet done) at once; a claim takes what is left of it.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Most sends in flight at once, over all channels; one chat's messages still go one by one.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How long a claim keeps other dispatchers off a message; a dispatcher that dies holds it no longer.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tries of a message whose sender threw (a bug) before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first wait after a sender threw; it doubles with each attempt, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Telegram: about 30 messages a second per bot, one a second per private chat.</summary>
    public ChannelRateLimit Telegram { get; set; } = new() { MessagesPerSecond = 30, PerChatInterval = TimeSpan.FromSeconds(1) };

    /// <summary>Viber publishes no number; 20 a second is well inside what it takes.</summary>
    public ChannelRateLimit Viber { get; set; } = new() { MessagesPerSecond = 20 };

    /// <summary>The dev chat only records; no limit.</summary>
    public ChannelRateLimit Dev { get; set; } = new();

    public ChannelRateLimit For(ChannelKind channel) => channel switch
    {
        ChannelKind.Telegram => Telegram,
        ChannelKind.Viber => Viber,
        ChannelKind.Dev => Dev,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}

/// <summary>One channel's limits; the defaults mean no limit.</summary>
public sealed class ChannelRateLimit
{
    /// <summary>Messages per second over the whole channel; 0 for no limit.</summary>
    public int MessagesPerSecond { get; set; }

    /// <summary>Least time between two messages to one chat; zero for none.</summary>
    public TimeSpan PerChatInterval { get; set; }
}

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        void Check(bool valid, string failure)
        {
            if (!valid)
            {
                failures.Add(failure);
            }
        }

        Check(options.BatchSize is >= 1 and <= 1000, "Outbox:BatchSize must be 1 to 1000.");
        Check(options.MaxConcurrency is >= 1 and <= 256, "Outbox:MaxConcurrency must be 1 to 256.");
        Check(options.Lease >= TimeSpan.FromSeconds(1), "Outbox:Lease must be at least one second.");
        Check(options.MaxAttempts is >= 1 and <= 100, "Outbox:MaxAttempts must be 1 to 100.");
        Check(options.RetryDelay > TimeSpan.Zero && options.RetryDelay <= TimeSpan.FromHours(1), "Outbox:RetryDelay must be more than zero and at most an hour.");
        Check(
            options.MaxRetryDelay >= options.RetryDelay && options.MaxRetryDelay <= TimeSpan.FromDays(1),
            "Outbox:MaxRetryDelay must be at least Outbox:RetryDelay and at most a day.");
        foreach (var channel in Enum.GetValues<ChannelKind>())
        {
            var limit = options.For(channel);
            Check(limit.MessagesPerSecond is >= 0 and <= 1000, $"Outbox:{channel}:MessagesPerSecond must be 0 (no limit) to 1000.");
            Check(
                limit.PerChatInterval >= TimeSpan.Zero && limit.PerChatInterval <= TimeSpan.FromMinutes(1),
                $"Outbox:{channel}:PerChatInterval must be zero to one minute.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
