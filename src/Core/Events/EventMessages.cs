using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;

namespace Hromada.Core.Events;

/// <summary>How an event reads in a message, in the resident's language; shared by /events, announcements and digests.</summary>
public static class EventMessages
{
    /// <summary>The command that lists events; with an event's id it opens that event.</summary>
    public const string Command = "/events";

    public static string Type(Language language, EventType type) => Texts.Get(language, $"EventType_{type}");

    /// <summary>"24.11.2026 18:00–20:00" in Kyiv time; the end's date is written only when it ends on another day.</summary>
    public static string When(CivicEvent civicEvent)
    {
        var start = KyivTime.Format(civicEvent.StartsAt);
        if (civicEvent.EndsAt is not { } endsAt)
        {
            return start;
        }

        var end = KyivTime.ToKyiv(endsAt);
        var sameDay = end.Date == KyivTime.ToKyiv(civicEvent.StartsAt).Date;
        return $"{start}–{(sameDay ? end.ToString("HH:mm", CultureInfo.InvariantCulture) : KyivTime.Format(endsAt))}";
    }

    /// <summary>Type, title, time, place, then the description when there is one.</summary>
    public static string Card(Language language, CivicEvent civicEvent)
    {
        var card = Texts.Get(language, "Events_Card", Type(language, civicEvent.Type), civicEvent.Title, When(civicEvent), civicEvent.Place);
        return civicEvent.Description is { Length: > 0 } description ? $"{card}\n\n{description}" : card;
    }

    /// <summary>One line of a list: time, type and title.</summary>
    public static string Line(Language language, CivicEvent civicEvent) =>
        $"{When(civicEvent)} · {Type(language, civicEvent.Type)}: {civicEvent.Title}";

    /// <summary>A new event told to a subscriber, with a button that opens it in /events.</summary>
    public static OutboundReply Announcement(Language language, CivicEvent civicEvent) =>
        new(Texts.Get(language, "Events_Announcement", Card(language, civicEvent)))
        {
            Buttons = [[new ReplyButton(Texts.Get(language, "Events_Open"), $"{Command} {civicEvent.Id}")]],
        };
}
