using System.Text;
using Hromada.Core.Events;
using Ical.Net;

namespace Hromada.Core.Tests.Events;

public sealed class EventCalendarFileTests
{
    private static readonly CivicEvent Hearing = new()
    {
        Id = "e42",
        CommunityId = "kamianske",
        Type = EventType.PublicHearing,
        Title = "Слухання: бюджет, парк; 2027",
        Description = "Порядок денний:\n1. Бюджет\n2. Парк",
        StartsAt = new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), // 18:00 in Kyiv
        EndsAt = new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero),
        Place = "Кам'янське, вул. Соборна 1, зала засідань",
        CreatedBy = "moderator",
        CreatedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Write_Event_ParsesBackWithItsFieldsAndKyivTimes()
    {
        var text = EventCalendarFile.Write(Hearing);

        var calendar = Calendar.Load(text)!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal("e42@hromada", entry.Uid);
        Assert.Equal(Hearing.Title, entry.Summary);
        Assert.Equal(Hearing.Place, entry.Location);
        Assert.Equal(Hearing.Description, entry.Description);
        Assert.Equal("Europe/Kyiv", entry.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 11, 24, 18, 0, 0), entry.DtStart.Value);
        Assert.Equal(Hearing.StartsAt.UtcDateTime, entry.DtStart.AsUtc);
        Assert.Equal(Hearing.EndsAt!.Value.UtcDateTime, entry.DtEnd!.AsUtc);
        Assert.Equal("Europe/Kyiv", Assert.Single(calendar.TimeZones).TzId);
        Assert.Contains("DTSTART;TZID=Europe/Kyiv:20261124T180000", text, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", entry.Status);
    }

    [Fact]
    public void Write_SummerEvent_UsesTheSummerOffset()
    {
        var summer = Hearing with { StartsAt = new DateTimeOffset(2026, 7, 1, 15, 0, 0, TimeSpan.Zero), EndsAt = null };

        var entry = Calendar.Load(EventCalendarFile.Write(summer))!.Events.Single();

        Assert.Equal(new DateTime(2026, 7, 1, 18, 0, 0), entry.DtStart!.Value);
        Assert.Equal(summer.StartsAt.UtcDateTime, entry.DtStart.AsUtc);
    }

    [Fact]
    public void Write_StartInTheHourTheAutumnChangeRepeats_WritesUtc()
    {
        // 01:30 UTC on 25 October 2026 is 03:30 winter time, an hour Kyiv's clocks show twice.
        var repeated = Hearing with { StartsAt = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), EndsAt = null };

        var text = EventCalendarFile.Write(repeated);

        var entry = Calendar.Load(text)!.Events.Single();
        Assert.Contains("DTSTART:20261025T013000Z", text, StringComparison.Ordinal);
        Assert.Equal(repeated.StartsAt.UtcDateTime, entry.DtStart!.AsUtc);
    }

    [Fact]
    public void Write_EventWithoutEndOrDescription_LeavesThemOut()
    {
        var bare = Hearing with { EndsAt = null, Description = null };

        var text = EventCalendarFile.Write(bare);

        var entry = Calendar.Load(text)!.Events.Single();
        Assert.Null(entry.DtEnd);
        Assert.Null(entry.Description);
        Assert.DoesNotContain("DTEND", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameEventTwice_GivesTheSameFile()
    {
        var first = EventCalendarFile.Write(Hearing);

        var second = EventCalendarFile.Write(Hearing with { });

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_CancelledEvent_IsMarkedCancelled()
    {
        var entry = Calendar.Load(EventCalendarFile.Write(Hearing with { Cancelled = true }))!.Events.Single();

        Assert.Equal("CANCELLED", entry.Status);
        Assert.Equal("e42@hromada", entry.Uid);
    }

    [Fact]
    public void For_Event_IsAnIcsDocumentInUtf8()
    {
        var document = EventCalendarFile.For(Hearing);

        Assert.Equal(("event.ics", "text/calendar"), (document.FileName, document.ContentType));
        Assert.Equal(EventCalendarFile.Write(Hearing), Encoding.UTF8.GetString(document.Content));
    }
}
