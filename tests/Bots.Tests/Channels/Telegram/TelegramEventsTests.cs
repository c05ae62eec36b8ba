using System.Globalization;
using System.Text;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Events;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>/events through the Telegram webhook: the list, the card, an RSVP, and the .ics file as sendDocument.</summary>
public sealed class TelegramEventsTests : TelegramWebhookHostTests
{
    [Fact]
    public async Task Events_ThroughWebhook_RsvpStoredAndCalendarFileSentAsDocument()
    {
        var olena = new TelegramResident(Host, Api, 700100);
        await olena.RegisterAsync();
        var now = DateTimeOffset.UtcNow;
        var civicEvent = new CivicEvent
        {
            Id = "e1",
            CommunityId = "kamianske",
            Spheres = ["ecology"],
            Type = EventType.PublicHearing,
            Title = "Громадські слухання щодо скверу",
            StartsAt = new DateTimeOffset(now.Date.AddDays(3).AddHours(15), TimeSpan.Zero),
            EndsAt = new DateTimeOffset(now.Date.AddDays(3).AddHours(17), TimeSpan.Zero),
            Place = "Міська рада, зала 2",
            CreatedBy = "moderator",
            CreatedAt = now,
        };
        await Host.Services.GetRequiredService<IEventStore>().SaveAsync(civicEvent, Cancellation);

        var list = await olena.SayAsync("/events");
        var card = await olena.PressAsync(EventsDialog.EventPrefix + "e1");
        var answered = await olena.PressAsync(EventsDialog.GoingPrefix + "e1");
        var file = await olena.PressAsync(EventsDialog.CalendarPrefix + "e1");

        Assert.Equal(Text("Events_List"), list.Text);
        Assert.Equal(EventsDialog.EventPrefix + "e1", list.InlineData[0][0]);
        Assert.Contains(civicEvent.Title, card.Text);
        Assert.Contains(KyivTime.Format(civicEvent.StartsAt), card.Text);
        Assert.Contains(Text("Events_GoingCount", 0), card.Text);
        Assert.Equal([EventsDialog.GoingPrefix + "e1", EventsDialog.NotGoingPrefix + "e1"], card.InlineData[0]);
        Assert.Contains(Text("Events_GoingCount", 1), answered.Text);
        Assert.EndsWith(Text("Events_YouGo"), answered.Text, StringComparison.Ordinal);
        var rsvp = await Host.Services.GetRequiredService<IRsvpStore>().FindAsync("e1", (await ResidentAsync(olena.UserId)).Id, Cancellation);
        Assert.Equal(RsvpAnswer.Going, rsvp?.Answer);

        Assert.Equal("sendDocument", file.Method);
        Assert.Equal(Text("Events_CalendarFile"), file.Text);
        var entry = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(file.Files["event.ics"]))!.Events.Single();
        Assert.Equal("e1@hromada", entry.Uid);
        Assert.Equal(civicEvent.Title, entry.Summary);
        Assert.Equal(civicEvent.Place, entry.Location);
        Assert.Equal("Europe/Kyiv", entry.DtStart!.TzId);
        Assert.Equal(civicEvent.StartsAt.UtcDateTime, entry.DtStart.AsUtc);
        Assert.Equal(civicEvent.EndsAt.Value.UtcDateTime, entry.DtEnd!.AsUtc);
    }

    private async Task<Resident> ResidentAsync(long userId) =>
        (await Host.Services.GetRequiredService<IResidentStore>()
            .FindByIdentityAsync(new IdentityKey(ChannelKind.Telegram, userId.ToString(CultureInfo.InvariantCulture)), Cancellation))!;

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
