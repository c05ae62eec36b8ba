using System.Text;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Hromada.Core.Events;

/// <summary>
/// An event as an RFC 5545 calendar file a resident opens to add it to their calendar. The one place
/// that uses Ical.Net. Times are written on the Kyiv wall clock (TZID with its VTIMEZONE), or in UTC
/// where a Kyiv time would not name one moment: in the hour the autumn change repeats, or on a system
/// without time zone data.
/// </summary>
public static class EventCalendarFile
{
    public const string FileName = "event.ics";
    public const string ContentType = "text/calendar";

    /// <summary>The UID domain: the UID stays the same for one event, so importing it again updates it.</summary>
    private const string UidDomain = "hromada";

    private const string Utc = "UTC";

    public static ReplyDocument For(CivicEvent civicEvent) =>
        new(FileName, ContentType, Encoding.UTF8.GetBytes(Write(civicEvent)));

    public static string Uid(CivicEvent civicEvent) => $"{civicEvent.Id}@{UidDomain}";

    public static string Write(CivicEvent civicEvent)
    {
        var calendar = new Calendar { Method = "PUBLISH" };
        var entry = new CalendarEvent
        {
            Uid = Uid(civicEvent),
            DtStamp = InUtc(civicEvent.CreatedAt),
            DtStart = Time(civicEvent.StartsAt),
            DtEnd = civicEvent.EndsAt is { } endsAt ? Time(endsAt) : null,
            Summary = civicEvent.Title,
            Location = civicEvent.Place,
            Description = civicEvent.Description,
            Status = civicEvent.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        calendar.Events.Add(entry);
        // RFC 5545 wants a VTIMEZONE for each TZID used; its rules need only reach back before the event.
        if (new[] { entry.DtStart, entry.DtEnd }.Any(time => time is not null && time.TzId != Utc))
        {
            calendar.AddTimeZone(VTimeZone.FromSystemTimeZone(KyivTime.Zone, civicEvent.StartsAt.UtcDateTime.AddYears(-1), includeHistoricalData: false));
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Time(DateTimeOffset time)
    {
        var kyiv = KyivTime.ToKyiv(time);
        return KyivTime.Zone == TimeZoneInfo.Utc || KyivTime.Zone.IsAmbiguousTime(kyiv)
            ? InUtc(time)
            : new CalDateTime(kyiv.DateTime, KyivTime.Zone.Id, hasTime: true);
    }

    private static CalDateTime InUtc(DateTimeOffset time) => new(time.UtcDateTime, Utc, hasTime: true);
}
