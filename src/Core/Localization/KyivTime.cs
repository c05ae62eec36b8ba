using System.Globalization;

namespace Hromada.Core.Localization;

/// <summary>
/// Residents live by Kyiv time: times are shown, and local hours (quiet hours, digests, "tomorrow at
/// 18:00") are read, in Europe/Kyiv. Stored times stay UTC offsets.
/// </summary>
public static class KyivTime
{
    /// <summary>Europe/Kyiv, or UTC where the system has no time zone data (a bare container without tzdata).</summary>
    public static TimeZoneInfo Zone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kyiv", out var kyiv) ? kyiv
        : TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kiev", out var kiev) ? kiev
        : TimeZoneInfo.Utc;

    /// <summary>The moment as a Kyiv wall clock shows it, with Kyiv's offset at that moment.</summary>
    public static DateTimeOffset ToKyiv(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>The moment of a Kyiv wall-clock time; a time skipped by the spring change counts as the hour after.</summary>
    public static DateTimeOffset FromKyiv(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>"24.11.2026 18:00" in Kyiv time: the one way times are written to residents.</summary>
    public static string Format(DateTimeOffset time) =>
        ToKyiv(time).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
