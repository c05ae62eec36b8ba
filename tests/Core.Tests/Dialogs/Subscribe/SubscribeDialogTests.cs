using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Dialogs.Subscribe;
using Hromada.Core.Subscriptions;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Subscribe;

public sealed class SubscribeDialogTests : IDisposable
{
    private const string National = "Україна (національний рівень)";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Subscribe_NeverSetBefore_ShowsTheOnboardingDefaults()
    {
        await using var bot = await RegisteredAsync();

        var reply = Assert.Single(await bot.SayAsync("olena", "/subscribe"));

        Assert.Equal(Text("Subscribe_Summary", "Екологія", $"Кам'янське, {National}", Text("Delivery_AtOnce"), "22:00–08:00"), reply.Text);
        Assert.Equal(
            ["setting:spheres", "setting:communities", "setting:delivery", "setting:quiet", SubscribeDialog.Done],
            reply.AllButtons().Select(button => button.Data));
        Assert.Equal(nameof(SubscribeState.AwaitingSetting), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Spheres_ToggledThenDone_SavedOnTheSubscriptionOnly()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        var ask = Assert.Single(await bot.PressAsync("olena", "setting:spheres"));
        await bot.PressAsync("olena", "sphere:transport");

        var summary = Assert.Single(await bot.PressAsync("olena", ProfileQuestions.Done));

        Assert.Equal(Text("Profile_AskSpheres"), ask.Text);
        Assert.Equal("✅ " + Text("Sphere_ecology"), ask.AllButtons().Single(button => button.Data == "sphere:ecology").Label);
        Assert.StartsWith(Text("Subscribe_Summary", $"{Text("Sphere_ecology")}, {Text("Sphere_transport")}", $"Кам'янське, {National}", Text("Delivery_AtOnce"), "22:00–08:00")[..40], summary.Text, StringComparison.Ordinal);
        var resident = (await bot.ResidentAsync("olena"))!;
        Assert.Equal(["ecology", "transport"], resident.Subscription!.Spheres);
        Assert.Equal(["kamianske"], resident.Subscription.Communities);
        Assert.Equal(["ecology"], resident.Spheres);
    }

    [Fact]
    public async Task Spheres_NoneLeftThenDone_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        await bot.PressAsync("olena", "setting:spheres");
        await bot.PressAsync("olena", "sphere:ecology");

        var reply = Assert.Single(await bot.PressAsync("olena", ProfileQuestions.Done));
        var typed = Assert.Single(await bot.SayAsync("olena", "Екологія"));

        Assert.StartsWith(Text("Problem_NoSphere"), reply.Text, StringComparison.Ordinal);
        Assert.StartsWith(Text("Problem_UnexpectedInput"), typed.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(SubscribeState.AwaitingSpheres), (await bot.SessionAsync("olena"))!.State);
        Assert.Null((await bot.ResidentAsync("olena"))!.Subscription);
    }

    [Fact]
    public async Task Communities_SearchedAddedAndRemoved_SavedAndFollowed()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        var ask = Assert.Single(await bot.PressAsync("olena", "setting:communities"));
        var found = Assert.Single(await bot.SayAsync("olena", "Льв"));
        var added = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.AddPrefix + "lviv"));
        var removed = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.RemovePrefix + "kamianske"));

        var summary = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.Done));

        Assert.Equal(Text("Subscribe_AskCommunities", "Кам'янське", SubscribeDialog.MaxCommunities), ask.Text);
        Assert.Equal(["remove:kamianske", "done"], ask.AllButtons().Select(button => button.Data));
        Assert.Equal(["remove:kamianske", "add:lviv", "done"], found.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Subscribe_AskCommunities", "Кам'янське, Львів", SubscribeDialog.MaxCommunities), added.Text);
        Assert.Equal(Text("Subscribe_AskCommunities", "Львів", SubscribeDialog.MaxCommunities), removed.Text);
        Assert.Contains($"Львів, {National}", summary.Text);
        var resident = (await bot.ResidentAsync("olena"))!;
        Assert.Equal(["lviv"], resident.Subscription!.Communities);
        var lvivFollowers = await bot.Residents.ListFollowingAsync(["lviv"], null, 10, CancellationToken.None);
        var kamianskeFollowers = await bot.Residents.ListFollowingAsync(["kamianske"], null, 10, CancellationToken.None);
        Assert.Equal([resident.Id], lvivFollowers.Select(follower => follower.Id));
        Assert.Empty(kamianskeFollowers);
    }

    [Fact]
    public async Task Communities_UnknownOrUnexpectedInput_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        await bot.PressAsync("olena", "setting:communities");

        var notFound = Assert.Single(await bot.SayAsync("olena", "Атлантида"));
        var unknown = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.AddPrefix + "atlantis"));
        var national = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.AddPrefix + Community.NationalId));
        var foreign = Assert.Single(await bot.PressAsync("olena", "sphere:it"));

        Assert.StartsWith(Text("Problem_CommunityNotFound"), notFound.Text, StringComparison.Ordinal);
        Assert.StartsWith(Text("Problem_UnexpectedInput"), unknown.Text, StringComparison.Ordinal);
        Assert.StartsWith(Text("Problem_UnexpectedInput"), national.Text, StringComparison.Ordinal);
        Assert.StartsWith(Text("Problem_UnexpectedInput"), foreign.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(SubscribeState.AwaitingCommunities), (await bot.SessionAsync("olena"))!.State);
        Assert.Null((await bot.ResidentAsync("olena"))!.Subscription);
    }

    [Fact]
    public async Task Communities_OneMoreThanTheLimit_Refused()
    {
        await using (var before = await RegisteredAsync())
        {
            await before.Services<ICommunityStore>().UpsertAsync(
                [new Community("zaporizhzhia", "Запоріжжя", "Zaporizhzhia", "Запорізька", "Zaporizhzhia", null)], CancellationToken.None);
            var resident = (await before.ResidentAsync("olena"))!;
            resident.Subscription = new Subscription
            {
                Spheres = ["ecology"],
                Communities = [.. CommunitySeed.All.Where(community => !community.IsNational).Select(community => community.Id)],
            };
            await before.Residents.SaveAsync(resident, CancellationToken.None);
        }

        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await bot.SayAsync("olena", "/subscribe");
        await bot.PressAsync("olena", "setting:communities");
        await bot.SayAsync("olena", "Запор");

        var reply = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.AddPrefix + "zaporizhzhia"));

        Assert.StartsWith(Text("Problem_TooManyCommunities", SubscribeDialog.MaxCommunities), reply.Text, StringComparison.Ordinal);
        Assert.Equal(SubscribeDialog.MaxCommunities, (await bot.ResidentAsync("olena"))!.Subscription!.Communities.Count);
    }

    [Fact]
    public async Task Delivery_Chosen_Saved()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        var ask = Assert.Single(await bot.PressAsync("olena", "setting:delivery"));

        var summary = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.DeliveryPrefix + nameof(Delivery.WeeklyDigest)));

        Assert.Equal(["delivery:AtOnce", "delivery:DailyDigest", "delivery:WeeklyDigest"], ask.AllButtons().Select(button => button.Data));
        Assert.StartsWith("✅ ", ask.Buttons[0][0].Label, StringComparison.Ordinal);
        Assert.Contains(Text("Delivery_WeeklyDigest"), summary.Text);
        Assert.Equal(Delivery.WeeklyDigest, (await bot.ResidentAsync("olena"))!.Subscription!.Delivery);
    }

    [Theory]
    [InlineData("delivery:Hourly")]
    [InlineData("delivery:7")]
    [InlineData("quiet:off")]
    public async Task Delivery_UnknownOption_RefusedAndStays(string pressed)
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        await bot.PressAsync("olena", "setting:delivery");

        var reply = Assert.Single(await bot.PressAsync("olena", pressed));

        Assert.StartsWith(Text("Problem_UnexpectedInput") + "\n\n" + Text("Subscribe_AskDelivery"), reply.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(SubscribeState.AwaitingDelivery), (await bot.SessionAsync("olena"))!.State);
        Assert.Null((await bot.ResidentAsync("olena"))!.Subscription);
    }

    [Fact]
    public async Task QuietHours_PressedTypedAndTurnedOff_EachSaved()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        var ask = Assert.Single(await bot.PressAsync("olena", "setting:quiet"));
        await bot.PressAsync("olena", SubscribeDialog.QuietPrefix + "23-7");
        var pressed = (await bot.ResidentAsync("olena"))!.Subscription!.QuietHours;
        await bot.PressAsync("olena", "setting:quiet");
        var typedSummary = Assert.Single(await bot.SayAsync("olena", "21:00 – 06:00"));
        var typed = (await bot.ResidentAsync("olena"))!.Subscription!.QuietHours;
        await bot.PressAsync("olena", "setting:quiet");

        var offSummary = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.QuietOff));

        Assert.Equal(["quiet:22-8", "quiet:23-7", "quiet:21-9", "quiet:0-7", "quiet:off"], ask.AllButtons().Select(button => button.Data));
        Assert.Equal("✅ 22:00–08:00", ask.Buttons[0][0].Label);
        Assert.Equal(new QuietHours(23, 7), pressed);
        Assert.Equal(new QuietHours(21, 6), typed);
        Assert.Contains("21:00–06:00", typedSummary.Text);
        Assert.Contains(Text("QuietHours_Off"), offSummary.Text);
        Assert.Null((await bot.ResidentAsync("olena"))!.Subscription!.QuietHours);
    }

    [Theory]
    [InlineData("увечері", null, "Problem_QuietHoursFormat")]
    [InlineData("22-", null, "Problem_QuietHoursFormat")]
    [InlineData("25-7", null, "Problem_QuietHoursRange")]
    [InlineData("8-8", null, "Problem_QuietHoursSame")]
    [InlineData(null, "quiet:8-8", "Problem_QuietHoursSame")]
    [InlineData(null, "quiet:99-1", "Problem_QuietHoursRange")]
    [InlineData(null, "delivery:AtOnce", "Problem_UnexpectedInput")]
    public async Task QuietHours_InvalidInput_RefusedWithTheReasonAndStays(string? typed, string? pressed, string problem)
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        await bot.PressAsync("olena", "setting:quiet");

        var reply = Assert.Single(typed is not null ? await bot.SayAsync("olena", typed) : await bot.PressAsync("olena", pressed!));

        Assert.StartsWith(Text(problem) + "\n\n" + Text("Subscribe_AskQuietHours"), reply.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(SubscribeState.AwaitingQuietHours), (await bot.SessionAsync("olena"))!.State);
        Assert.Null((await bot.ResidentAsync("olena"))!.Subscription);
    }

    [Fact]
    public async Task UnexpectedInput_AtTheSettings_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");

        var typed = Assert.Single(await bot.SayAsync("olena", "сфери"));
        var forged = Assert.Single(await bot.PressAsync("olena", "setting:phone"));

        Assert.StartsWith(Text("Problem_UnexpectedInput"), typed.Text, StringComparison.Ordinal);
        Assert.StartsWith(Text("Problem_UnexpectedInput"), forged.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(SubscribeState.AwaitingSetting), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Done_AfterAChange_SaysSavedWithTheMenuAndLeaves()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        await bot.PressAsync("olena", "setting:delivery");
        await bot.PressAsync("olena", SubscribeDialog.DeliveryPrefix + nameof(Delivery.DailyDigest));

        var reply = Assert.Single(await bot.PressAsync("olena", SubscribeDialog.Done));

        Assert.Equal(Text("Subscribe_Saved"), reply.Text);
        Assert.Contains(reply.AllButtons(), button => button.Data == "/events");
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
        Assert.Equal(Delivery.DailyDigest, (await bot.ResidentAsync("olena"))!.Subscription!.Delivery);
    }

    [Fact]
    public async Task Cancel_WhileChoosingSpheres_KeepsTheSubscriptionAsItWas()
    {
        await using var bot = await RegisteredAsync();
        await bot.SayAsync("olena", "/subscribe");
        await bot.PressAsync("olena", "setting:spheres");
        await bot.PressAsync("olena", "sphere:transport");

        var reply = Assert.Single(await bot.SayAsync("olena", "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
        Assert.Null((await bot.ResidentAsync("olena"))!.Subscription);
        var again = Assert.Single(await bot.SayAsync("olena", "/subscribe"));
        Assert.StartsWith(Text("Subscribe_Summary", "Екологія", $"Кам'янське, {National}", Text("Delivery_AtOnce"), "22:00–08:00"), again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostRestartsWhileSearchingCommunities_ContinuesWhereItWas()
    {
        await using (var before = await RegisteredAsync())
        {
            await before.SayAsync("olena", "/subscribe");
            await before.PressAsync("olena", "setting:communities");
            await before.SayAsync("olena", "Одес");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync("olena");
        var added = Assert.Single(await after.PressAsync("olena", SubscribeDialog.AddPrefix + "odesa"));
        await after.PressAsync("olena", SubscribeDialog.Done);

        Assert.Equal(Text("Subscribe_AskCommunities", "Кам'янське, Одеса", SubscribeDialog.MaxCommunities), added.Text);
        Assert.Equal(["kamianske", "odesa"], (await after.ResidentAsync("olena"))!.Subscription!.Communities);
    }

    private async Task<EngineHarness> RegisteredAsync()
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        return bot;
    }
}
