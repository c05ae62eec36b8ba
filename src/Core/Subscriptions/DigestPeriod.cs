using System.Globalization;
using Hromada.Core.Localization;

namespace Hromada.Core.Subscriptions;

/// <summary>
/// One daily or weekly digest: what appeared after <see cref="Since"/> and up to <see cref="Until"/>,
/// the moment it is due (the Kyiv delivery hour of a day, or of the weekly day). Consecutive periods
/// meet, so each event or poll falls in exactly one digest, however late a run sends it.
/// </summary>
/// <param name="Key">Names the period on the Kyiv calendar: "digest:daily:2026-11-23", "digest:weekly:2026-W48" (ISO week).</param>
public sealed record DigestPeriod(string Key, DateTimeOffset Since, DateTimeOffset Until)
{
    /// <summary>
    /// The latest period of <paramref name="delivery"/> due by <paramref name="now"/>: the one ending
    /// at the last <paramref name="hour"/>:00 Kyiv time (of a <paramref name="weeklyDay"/> for the
    /// weekly digest) at or before <paramref name="now"/>. Read on the Kyiv wall clock, so the digest
    /// keeps its hour across the summer-time changes; a day with a change is 23 or 25 hours long.
    /// </summary>
    /// <returns>Null for <see cref="Delivery.AtOnce"/>, which has no digest.</returns>
    public static DigestPeriod? Latest(Delivery delivery, DateTimeOffset now, int hour, DayOfWeek weeklyDay)
    {
        var today = DateOnly.FromDateTime(KyivTime.ToKyiv(now).DateTime);
        switch (delivery)
        {
            case Delivery.DailyDigest:
                var day = At(today, hour) <= now ? today : today.AddDays(-1);
                return new DigestPeriod(
                    $"digest:daily:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", At(day.AddDays(-1), hour), At(day, hour));
            case Delivery.WeeklyDigest:
                var thisWeek = today.AddDays(-(((int)today.DayOfWeek - (int)weeklyDay + 7) % 7));
                var week = At(thisWeek, hour) <= now ? thisWeek : thisWeek.AddDays(-7);
                var date = week.ToDateTime(TimeOnly.MinValue);
                return new DigestPeriod(
                    string.Create(CultureInfo.InvariantCulture, $"digest:weekly:{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}"),
                    At(week.AddDays(-7), hour),
                    At(week, hour));
            default:
                return null;
        }
    }

    /// <summary>Whether something that appeared at <paramref name="moment"/> belongs to this digest.</summary>
    public bool Covers(DateTimeOffset moment) => moment > Since && moment <= Until;

    private static DateTimeOffset At(DateOnly day, int hour) => KyivTime.FromKyiv(day.ToDateTime(new TimeOnly(hour, 0)));
}
