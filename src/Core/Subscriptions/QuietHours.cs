using System.Globalization;
using Hromada.Core.Localization;

namespace Hromada.Core.Subscriptions;

/// <summary>
/// The hours of the Kyiv day when Hromada sends nothing unasked: from <see cref="StartHour"/>:00 up to
/// <see cref="EndHour"/>:00, across midnight when the start is the later hour. Read on the Kyiv wall
/// clock, so they stay 22:00–08:00 across the summer-time changes.
/// </summary>
public sealed record QuietHours
{
    public static readonly QuietHours Default = new(22, 8);

    public QuietHours(int startHour, int endHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startHour, 23);
        ArgumentOutOfRangeException.ThrowIfNegative(endHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endHour, 23);
        if (startHour == endHour)
        {
            throw new ArgumentException("Quiet hours start and end at different hours.", nameof(endHour));
        }

        StartHour = startHour;
        EndHour = endHour;
    }

    public int StartHour { get; }

    public int EndHour { get; }

    /// <summary>Whether the Kyiv hour of <paramref name="moment"/> is a quiet one.</summary>
    public bool Contains(DateTimeOffset moment)
    {
        var hour = KyivTime.ToKyiv(moment).Hour;
        return StartHour < EndHour
            ? hour >= StartHour && hour < EndHour
            : hour >= StartHour || hour < EndHour;
    }

    /// <summary>
    /// <paramref name="moment"/> itself when it is not quiet, otherwise the moment the quiet hours end.
    /// Kyiv's offsets are whole hours, so the end is the first top of an hour whose Kyiv hour is not
    /// quiet; on the night the clocks change that is still the wall clock's <see cref="EndHour"/>:00
    /// (or the hour after it, when the spring change skips it).
    /// </summary>
    public DateTimeOffset NextOutside(DateTimeOffset moment)
    {
        var next = moment;
        while (Contains(next))
        {
            var utc = next.UtcDateTime;
            next = new DateTimeOffset(utc.Date.AddHours(utc.Hour + 1), TimeSpan.Zero);
        }

        return next;
    }

    /// <summary>"22:00–08:00".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartHour:00}:00–{EndHour:00}:00");
}
