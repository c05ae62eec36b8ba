using System.Text.Json;
using Hromada.Core.Dialogs.Events;
using Hromada.Core.Dialogs.Subscribe;
using Hromada.Core.Subscriptions;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Dialogs.Events;

/// <summary>What the events area adds to /mydata, the menu and /help.</summary>
public sealed class EventsPersonalDataTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task MyData_AfterSubscribingAndAnswering_ExportsTheSubscriptionAndTheAnswers()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        await bot.SeedAsync(EventFixtures.Upcoming(_time.GetUtcNow()));
        await bot.SayAsync("olena", "/events");
        await bot.PressAsync("olena", EventsDialog.EventPrefix + "e1");
        await bot.PressAsync("olena", EventsDialog.GoingPrefix + "e1");
        await bot.SayAsync("olena", "/subscribe");
        await bot.PressAsync("olena", "setting:delivery");
        await bot.PressAsync("olena", SubscribeDialog.DeliveryPrefix + nameof(Delivery.DailyDigest));

        var reply = Assert.Single(await bot.SayAsync("olena", "/mydata"));

        using var document = JsonDocument.Parse(reply.Document!.Content);
        var subscription = document.RootElement.GetProperty("subscription");
        Assert.Equal("DailyDigest", subscription.GetProperty("delivery").GetString());
        Assert.Equal(["kamianske"], subscription.GetProperty("communities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(22, subscription.GetProperty("quietHours").GetProperty("startHour").GetInt32());
        var answer = Assert.Single(document.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("e1", answer.GetProperty("eventId").GetString());
        Assert.Equal(EventFixtures.Title, answer.GetProperty("title").GetString());
        Assert.Equal("Going", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task MenuAndHelp_Registered_OfferEventsAndSubscribe()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");

        var menu = Assert.Single(await bot.SayAsync("olena", "/menu"));
        var help = Assert.Single(await bot.SayAsync("olena", "/help"));

        Assert.Contains(menu.AllButtons(), button => button.Data == "/events");
        Assert.Contains(menu.AllButtons(), button => button.Data == "/subscribe");
        Assert.Contains("/events", help.Text);
        Assert.Contains("/subscribe", help.Text);
    }
}
