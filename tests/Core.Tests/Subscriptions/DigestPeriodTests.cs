using System.Globalization;
using Hromada.Core.Subscriptions;

namespace Hromada.Core.Tests.Subscriptions;

/// <summary>Kyiv is UTC+2 in winter and UTC+3 in summer; in 2026 the clocks change on 29 March and 25 October.</summary>
public sealed class DigestPeriodTests
{
    [Theory]
    [InlineData("2026-11-23T07:00:00Z", "digest:daily:2026-11-23", "2026-11-22T07:00:00Z", "2026-11-23T07:00:00Z")] // 09:00: today's is due
    [InlineData("2026-11-23T06:59:00Z", "digest:daily:2026-11-22", "2026-11-21T07:00:00Z", "2026-11-22T07:00:00Z")] // 08:59: still yesterday's
    [InlineData("2026-11-23T21:59:00Z", "digest:daily:2026-11-23", "2026-11-22T07:00:00Z", "2026-11-23T07:00:00Z")] // 23:59
    [InlineData("2026-11-23T22:30:00Z", "digest:daily:2026-11-23", "2026-11-22T07:00:00Z", "2026-11-23T07:00:00Z")] // 00:30 of the 24th, past Kyiv midnight
    [InlineData("2026-07-01T06:00:00Z", "digest:daily:2026-07-01", "2026-06-30T06:00:00Z", "2026-07-01T06:00:00Z")] // summer: 09:00 is 06:00 UTC
    [InlineData("2026-03-29T06:00:00Z", "digest:daily:2026-03-29", "2026-03-28T07:00:00Z", "2026-03-29T06:00:00Z")] // spring change: a 23-hour day
    [InlineData("2026-03-29T05:59:00Z", "digest:daily:2026-03-28", "2026-03-27T07:00:00Z", "2026-03-28T07:00:00Z")]
    [InlineData("2026-10-25T07:00:00Z", "digest:daily:2026-10-25", "2026-10-24T06:00:00Z", "2026-10-25T07:00:00Z")] // autumn change: a 25-hour day
    [InlineData("2026-10-25T06:30:00Z", "digest:daily:2026-10-24", "2026-10-23T06:00:00Z", "2026-10-24T06:00:00Z")] // 08:30 winter time: not yet
    public void Latest_Daily_EndsAtTheLastNineOClockInKyiv(string now, string key, string since, string until)
    {
        var period = DigestPeriod.Latest(Delivery.DailyDigest, Utc(now), 9, DayOfWeek.Monday);

        Assert.Equal(new DigestPeriod(key, Utc(since), Utc(until)), period);
    }

    [Theory]
    [InlineData("2026-11-23T07:00:00Z", DayOfWeek.Monday, "digest:weekly:2026-W48", "2026-11-16T07:00:00Z", "2026-11-23T07:00:00Z")]
    [InlineData("2026-11-23T06:59:00Z", DayOfWeek.Monday, "digest:weekly:2026-W47", "2026-11-09T07:00:00Z", "2026-11-16T07:00:00Z")]
    [InlineData("2026-11-29T21:00:00Z", DayOfWeek.Monday, "digest:weekly:2026-W48", "2026-11-16T07:00:00Z", "2026-11-23T07:00:00Z")] // Sunday 23:00
    [InlineData("2026-11-29T07:00:00Z", DayOfWeek.Sunday, "digest:weekly:2026-W48", "2026-11-22T07:00:00Z", "2026-11-29T07:00:00Z")]
    [InlineData("2026-12-28T07:00:00Z", DayOfWeek.Monday, "digest:weekly:2026-W53", "2026-12-21T07:00:00Z", "2026-12-28T07:00:00Z")] // 2026 has 53 ISO weeks
    [InlineData("2027-01-04T07:00:00Z", DayOfWeek.Monday, "digest:weekly:2027-W01", "2026-12-28T07:00:00Z", "2027-01-04T07:00:00Z")]
    [InlineData("2026-03-30T06:00:00Z", DayOfWeek.Monday, "digest:weekly:2026-W14", "2026-03-23T07:00:00Z", "2026-03-30T06:00:00Z")] // across the spring change
    [InlineData("2026-10-26T07:00:00Z", DayOfWeek.Monday, "digest:weekly:2026-W44", "2026-10-19T06:00:00Z", "2026-10-26T07:00:00Z")] // across the autumn change
    public void Latest_Weekly_EndsAtTheLastDeliveryDayInKyiv(string now, DayOfWeek day, string key, string since, string until)
    {
        var period = DigestPeriod.Latest(Delivery.WeeklyDigest, Utc(now), 9, day);

        Assert.Equal(new DigestPeriod(key, Utc(since), Utc(until)), period);
    }

    /// <summary>03:00 does not happen on 29 March in Kyiv: the digest is due at the hour after it.</summary>
    [Fact]
    public void Latest_DeliveryHourSkippedBySpringChange_IsDueAtTheHourAfter()
    {
        var period = DigestPeriod.Latest(Delivery.DailyDigest, Utc("2026-03-29T01:00:00Z"), 3, DayOfWeek.Monday);

        Assert.Equal(new DigestPeriod("digest:daily:2026-03-29", Utc("2026-03-28T01:00:00Z"), Utc("2026-03-29T01:00:00Z")), period);
    }

    [Fact]
    public void Latest_AtOnce_IsNull()
    {
        var period = DigestPeriod.Latest(Delivery.AtOnce, Utc("2026-11-23T07:00:00Z"), 9, DayOfWeek.Monday);

        Assert.Null(period);
    }

    [Theory]
    [InlineData("2026-11-22T07:00:00Z", false)] // the start belongs to the period before
    [InlineData("2026-11-22T07:00:01Z", true)]
    [InlineData("2026-11-23T07:00:00Z", true)] // the end is in
    [InlineData("2026-11-23T07:00:01Z", false)]
    public void Covers_Moment_TakesWhatAppearedAfterTheStartUpToTheEnd(string moment, bool expected)
    {
        var period = new DigestPeriod("digest:daily:2026-11-23", Utc("2026-11-22T07:00:00Z"), Utc("2026-11-23T07:00:00Z"));

        var covered = period.Covers(Utc(moment));

        Assert.Equal(expected, covered);
    }

    private static DateTimeOffset Utc(string moment) => DateTimeOffset.Parse(moment, CultureInfo.InvariantCulture);
}
