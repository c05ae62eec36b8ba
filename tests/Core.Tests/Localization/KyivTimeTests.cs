using Hromada.Core.Localization;

namespace Hromada.Core.Tests.Localization;

public sealed class KyivTimeTests
{
    [Theory]
    [InlineData("2026-11-23T16:00:00Z", "23.11.2026 18:00")] // winter: UTC+2
    [InlineData("2026-07-01T15:00:00Z", "01.07.2026 18:00")] // summer: UTC+3
    public void Format_UtcMoment_ShowsKyivWallClock(string utc, string expected)
    {
        var moment = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        var shown = KyivTime.Format(moment);

        Assert.Equal(expected, shown);
    }

    [Fact]
    public void FromKyiv_WallClock_IsThatMomentInUtc()
    {
        var moment = KyivTime.FromKyiv(new DateTime(2026, 11, 24, 18, 0, 0));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), moment.ToUniversalTime());
    }

    [Fact]
    public void FromKyiv_HourSkippedInSpring_CountsAsTheHourAfter()
    {
        // 29 March 2026: clocks jump from 03:00 to 04:00, so 03:30 never happens in Kyiv.
        var moment = KyivTime.FromKyiv(new DateTime(2026, 3, 29, 3, 30, 0));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), moment.ToUniversalTime());
    }
}
