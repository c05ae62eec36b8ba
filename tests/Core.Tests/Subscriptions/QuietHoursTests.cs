using System.Globalization;
using Hromada.Core.Subscriptions;

namespace Hromada.Core.Tests.Subscriptions;

/// <summary>Kyiv is UTC+2 in winter and UTC+3 in summer; in 2026 the clocks change on 29 March and 25 October.</summary>
public sealed class QuietHoursTests
{
    [Theory]
    [InlineData(22, 8, "2026-11-23T19:59:00Z", false)] // 21:59, just before
    [InlineData(22, 8, "2026-11-23T20:00:00Z", true)] // 22:00, the start is quiet
    [InlineData(22, 8, "2026-11-23T22:00:00Z", true)] // midnight
    [InlineData(22, 8, "2026-11-24T05:59:59Z", true)] // 07:59:59
    [InlineData(22, 8, "2026-11-24T06:00:00Z", false)] // 08:00, the end is not
    [InlineData(22, 8, "2026-07-01T19:00:00Z", true)] // 22:00 in summer
    [InlineData(22, 8, "2026-07-01T18:59:00Z", false)] // 21:59 in summer
    [InlineData(22, 8, "2026-07-02T05:00:00Z", false)] // 08:00 in summer
    [InlineData(13, 15, "2026-11-23T11:00:00Z", true)] // 13:00, a range within one day
    [InlineData(13, 15, "2026-11-23T10:59:00Z", false)]
    [InlineData(13, 15, "2026-11-23T13:00:00Z", false)] // 15:00
    [InlineData(13, 15, "2026-11-23T22:30:00Z", false)] // 00:30
    [InlineData(0, 7, "2026-11-23T22:00:00Z", true)] // 00:00
    [InlineData(0, 7, "2026-11-23T21:59:00Z", false)] // 23:59
    [InlineData(22, 8, "2026-03-29T01:00:00Z", true)] // 04:00, the hour after the spring jump
    [InlineData(22, 8, "2026-10-25T00:30:00Z", true)] // 03:30 summer time, first pass of the repeated hour
    [InlineData(22, 8, "2026-10-25T01:30:00Z", true)] // 03:30 winter time, second pass
    public void Contains_Moment_ReadsTheKyivHour(int start, int end, string moment, bool expected)
    {
        var quiet = new QuietHours(start, end);

        var inside = quiet.Contains(Utc(moment));

        Assert.Equal(expected, inside);
    }

    [Theory]
    [InlineData(22, 8, "2026-11-23T20:30:00Z", "2026-11-24T06:00:00Z")] // 22:30 → 08:00 next morning
    [InlineData(22, 8, "2026-11-24T03:15:30Z", "2026-11-24T06:00:00Z")] // 05:15:30 → 08:00 the same morning
    [InlineData(22, 8, "2026-11-23T12:00:00Z", "2026-11-23T12:00:00Z")] // 14:00 is not quiet: at once
    [InlineData(22, 8, "2026-07-01T20:00:00Z", "2026-07-02T05:00:00Z")] // summer: 08:00 is 05:00 UTC
    [InlineData(22, 8, "2026-03-28T21:00:00Z", "2026-03-29T05:00:00Z")] // spring night: 23:00 EET → 08:00 EEST, 8 h later
    [InlineData(22, 8, "2026-10-24T20:00:00Z", "2026-10-25T06:00:00Z")] // autumn night: 23:00 EEST → 08:00 EET, 10 h later
    [InlineData(22, 3, "2026-03-28T23:30:00Z", "2026-03-29T01:00:00Z")] // 03:00 is skipped: quiet until 04:00 EEST
    [InlineData(22, 3, "2026-10-24T22:30:00Z", "2026-10-25T00:00:00Z")] // the first 03:00 (summer time) ends it
    [InlineData(1, 4, "2026-10-25T00:30:00Z", "2026-10-25T02:00:00Z")] // the repeated 03:xx stays quiet: 04:00 EET
    [InlineData(0, 7, "2026-11-23T22:10:00Z", "2026-11-24T05:00:00Z")] // 00:10 → 07:00
    [InlineData(13, 15, "2026-11-23T11:45:00Z", "2026-11-23T13:00:00Z")] // 13:45 → 15:00
    public void NextOutside_Moment_IsTheEndOfTheQuietHoursOrTheMomentItself(int start, int end, string moment, string expected)
    {
        var quiet = new QuietHours(start, end);

        var next = quiet.NextOutside(Utc(moment));

        Assert.Equal(Utc(expected), next);
        Assert.False(quiet.Contains(next));
    }

    [Theory]
    [InlineData(22, 22)]
    [InlineData(-1, 8)]
    [InlineData(22, 24)]
    public void Constructor_SameOrOutOfRangeHours_Throws(int start, int end) =>
        Assert.ThrowsAny<ArgumentException>(() => new QuietHours(start, end));

    [Fact]
    public void ToString_Default_IsTheRangeOnTheWallClock() =>
        Assert.Equal("22:00–08:00", QuietHours.Default.ToString());

    private static DateTimeOffset Utc(string moment) => DateTimeOffset.Parse(moment, CultureInfo.InvariantCulture);
}
