namespace Hromada.Bots.Channels.Viber;

/// <summary>Viber's timestamps: Unix milliseconds.</summary>
internal static class ViberTime
{
    private static readonly long Latest = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    private static readonly long Earliest = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();

    /// <summary>The instant, or null when there is none or it is outside what a date can hold (a forged body).</summary>
    public static DateTimeOffset? Of(long? milliseconds) =>
        milliseconds is { } ms && ms >= Earliest && ms <= Latest ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
