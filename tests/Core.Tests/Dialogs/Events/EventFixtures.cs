using Hromada.Core.Events;

namespace Hromada.Core.Tests.Dialogs.Events;

/// <summary>Events stored straight into the real store (until moderators have /newevent), and RSVPs read back.</summary>
internal static class EventFixtures
{
    public const string Title = "Громадські слухання щодо скверу на Соборній";
    public const string Place = "Міська рада, вул. Соборна 1, зала 2";

    /// <summary>Tomorrow 18:00–20:00 in Kyiv for a harness clock at 23.11.2026 09:00 UTC.</summary>
    public static CivicEvent Upcoming(DateTimeOffset now, string id = "e1", string communityId = "kamianske") => new()
    {
        Id = id,
        CommunityId = communityId,
        Spheres = ["ecology"],
        Type = EventType.PublicHearing,
        Title = Title,
        Description = "Обговорення проєкту благоустрою.",
        StartsAt = now.Date.AddDays(1).AddHours(16),
        EndsAt = now.Date.AddDays(1).AddHours(18),
        Place = Place,
        CreatedBy = "moderator",
        CreatedAt = now.AddHours(-1),
    };

    public static async Task<CivicEvent> SeedAsync(this EngineHarness bot, CivicEvent civicEvent)
    {
        await bot.Services<IEventStore>().SaveAsync(civicEvent, CancellationToken.None);
        return civicEvent;
    }

    public static async Task<Rsvp?> RsvpAsync(this EngineHarness bot, string eventId, string user)
    {
        var resident = await bot.ResidentAsync(user);
        return await bot.Services<IRsvpStore>().FindAsync(eventId, resident!.Id, CancellationToken.None);
    }

    public static Task<int> GoingAsync(this EngineHarness bot, string eventId) =>
        bot.Services<IRsvpStore>().CountGoingAsync(eventId, CancellationToken.None);
}
