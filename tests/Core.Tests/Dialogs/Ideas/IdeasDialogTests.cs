using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Ideas;
using Hromada.Core.Ideas;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Ideas;

public sealed class IdeasDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public async Task Ideas_NonePublished_SaysSoAndOffersToProposeAndOwnIdeas()
    {
        await using var bot = await RegisteredAsync("olena");

        var reply = Assert.Single(await bot.SayAsync("olena", "/ideas"));

        Assert.Equal(Text("Ideas_None"), reply.Text);
        Assert.Equal(["/idea", IdeasDialog.Mine, "/menu"], reply.AllButtons().Select(button => button.Data));
        Assert.Equal(nameof(IdeasState.AwaitingIdea), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Ideas_SeveralStored_ListsPublicIdeasOfTheCommunityAndNationalLevelMostSupportedFirst()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1", "newer") with { CreatedAt = Now.AddHours(-1) });
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1", "supported", title: "Сквер біля школи"));
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1", "national", Community.NationalId, "Відкриті бюджети громад"));
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1", "lviv", "lviv"));
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, "r1", "proposed"));
        await bot.Ideas().SupportAsync("supported", "r2", Now, CancellationToken.None);
        await bot.Ideas().SupportAsync("supported", "r3", Now, CancellationToken.None);

        var reply = Assert.Single(await bot.SayAsync("olena", "/ideas"));

        Assert.Equal(Text("Ideas_List"), reply.Text);
        Assert.Equal(
            ["idea:supported", "idea:newer", "idea:national", "/idea", IdeasDialog.Mine, "/menu"],
            reply.AllButtons().Select(button => button.Data));
        Assert.Equal("👍 2 · Сквер біля школи", reply.Buttons[0][0].Label);
        Assert.Equal($"👍 0 · {IdeaFixtures.Title}", reply.Buttons[1][0].Label);
    }

    [Fact]
    public async Task OptionChosen_PublicIdea_ShowsItsTextStatusSupportersAverageAndSupportButton()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1") with { PhotoId = "photo-1" });
        await SupportAndRateAsync(bot, "i1", ("r2", 5), ("r3", 4), ("r4", null));
        await bot.SayAsync("olena", "/ideas");

        var reply = Assert.Single(await bot.PressAsync("olena", "idea:i1"));

        var expected = string.Join(
            "\n\n",
            Text("Ideas_View", IdeaFixtures.Title, IdeaFixtures.Text, Text("Sphere_transport"), "Кам'янське", Text("IdeaStatus_Published"), 3)
                + "\n" + Text("Ideas_Average", "4,5", 2),
            Text("Ideas_SupportPrompt"));
        Assert.Equal(expected, reply.Text);
        Assert.Equal("photo-1", reply.PhotoUrl);
        Assert.Equal([IdeasDialog.Support, IdeasDialog.Back], reply.AllButtons().Select(button => button.Data));
        Assert.Equal(nameof(IdeasState.AwaitingAction), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Support_FirstPress_CountsItAndOffersTheRating()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1"));
        await OpenAsync(bot, "olena", "i1");

        var reply = Assert.Single(await bot.PressAsync("olena", IdeasDialog.Support));

        Assert.StartsWith(Text("Ideas_Supported"), reply.Text);
        Assert.Contains(Text("Ideas_View", IdeaFixtures.Title, IdeaFixtures.Text, Text("Sphere_transport"), "Кам'янське", Text("IdeaStatus_Published"), 1), reply.Text);
        Assert.Contains(Text("Ideas_NoRatings"), reply.Text);
        Assert.EndsWith(Text("Ideas_RatePrompt"), reply.Text);
        Assert.Equal(["rate:1", "rate:2", "rate:3", "rate:4", "rate:5", IdeasDialog.Back], reply.AllButtons().Select(button => button.Data));
        var support = await bot.Ideas().FindSupportAsync("i1", await bot.IdOfAsync("olena"), CancellationToken.None);
        Assert.Equal((Now, null), (support!.SupportedAt, support.Rating));
    }

    [Fact]
    public async Task Support_PressedAgain_SaysAlreadySupportedAndCountsOnce()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1"));
        await OpenAsync(bot, "olena", "i1");
        await bot.PressAsync("olena", IdeasDialog.Support);

        var reply = Assert.Single(await bot.PressAsync("olena", IdeasDialog.Support));

        Assert.StartsWith($"{Text("Ideas_AlreadySupported")}\n\n", reply.Text);
        Assert.Equal(1, (await bot.Ideas().TallyAsync("i1", CancellationToken.None)).Supporters);
    }

    [Fact]
    public async Task Support_OwnIdea_SaysItCannotAndStoresNothing()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, await bot.IdOfAsync("olena")));
        var shown = Assert.Single(await OpenAsync(bot, "olena", "i1"));

        var reply = Assert.Single(await bot.PressAsync("olena", IdeasDialog.Support));

        Assert.EndsWith(Text("Ideas_YourIdea"), shown.Text);
        Assert.Equal([IdeasDialog.Back], shown.AllButtons().Select(button => button.Data));
        Assert.StartsWith($"{Text("Ideas_OwnIdea")}\n\n", reply.Text);
        Assert.Equal(IdeaTally.None, await bot.Ideas().TallyAsync("i1", CancellationToken.None));
    }

    [Fact]
    public async Task Rate_AfterSupporting_StoresTheRatingAndMayChangeIt()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1"));
        await SupportAndRateAsync(bot, "i1", ("r2", 2));
        await OpenAsync(bot, "olena", "i1");
        await bot.PressAsync("olena", IdeasDialog.Support);

        var rated = Assert.Single(await bot.PressAsync("olena", "rate:5"));
        var changed = Assert.Single(await bot.PressAsync("olena", "rate:3"));

        Assert.StartsWith(Text("Ideas_Rated", 5), rated.Text);
        Assert.Contains(Text("Ideas_Average", "3,5", 2), rated.Text);
        Assert.EndsWith(Text("Ideas_YourRating", 5), rated.Text);
        Assert.Equal("✅ 5", rated.AllButtons().Single(button => button.Data == "rate:5").Label);
        Assert.Contains(Text("Ideas_Average", "2,5", 2), changed.Text);
        Assert.Equal(new IdeaTally(2, 2, 5), await bot.Ideas().TallyAsync("i1", CancellationToken.None));
    }

    [Fact]
    public async Task Rate_WithoutSupporting_SaysToSupportFirstAndStoresNothing()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1"));
        await OpenAsync(bot, "olena", "i1");

        var reply = Assert.Single(await bot.PressAsync("olena", "rate:4"));

        Assert.StartsWith($"{Text("Ideas_SupportFirst")}\n\n", reply.Text);
        Assert.Equal(IdeaTally.None, await bot.Ideas().TallyAsync("i1", CancellationToken.None));
    }

    [Theory]
    [InlineData("rate:9")]
    [InlineData("poll:p1")]
    public async Task OptionChosen_UnknownButtonOnAnIdea_RefusedAndShowsTheIdeaAgain(string button)
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1"));
        await OpenAsync(bot, "olena", "i1");

        var reply = Assert.Single(await bot.PressAsync("olena", button));

        Assert.StartsWith($"{Text("Problem_UnexpectedInput")}\n\n{IdeaFixtures.Title}", reply.Text);
        Assert.Equal(nameof(IdeasState.AwaitingAction), (await bot.SessionAsync("olena"))!.State);
    }

    [Theory]
    [InlineData("lviv", "lviv", true)]
    [InlineData("proposed", "kamianske", false)]
    [InlineData("missing", "kamianske", true)]
    public async Task OptionChosen_IdeaNotPublicHere_SaysUnavailableAndKeepsTheList(string id, string community, bool published)
    {
        await using var bot = await RegisteredAsync("olena");
        var idea = published ? IdeaFixtures.Published(Now, "r1", id, community) : IdeaFixtures.Proposed(Now, "r1", id, community);
        if (id != "missing")
        {
            await bot.SeedAsync(idea);
        }

        await bot.SayAsync("olena", "/ideas");

        var reply = Assert.Single(await bot.PressAsync("olena", $"idea:{id}"));

        Assert.StartsWith($"{Text("Problem_IdeaUnavailable")}\n\n", reply.Text);
        Assert.Equal(nameof(IdeasState.AwaitingIdea), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Back_FromAnIdea_ShowsTheRankingWithTheNewCount()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1"));
        await OpenAsync(bot, "olena", "i1");
        await bot.PressAsync("olena", IdeasDialog.Support);

        var reply = Assert.Single(await bot.PressAsync("olena", IdeasDialog.Back));

        Assert.Equal(Text("Ideas_List"), reply.Text);
        Assert.Equal($"👍 1 · {IdeaFixtures.Title}", reply.Buttons[0][0].Label);
        Assert.Equal(nameof(IdeasState.AwaitingIdea), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task Mine_OwnIdeasInEveryStatus_ListsThemAndOpensARejectedOneWithItsReason()
    {
        await using var bot = await RegisteredAsync("olena");
        var olena = await bot.IdOfAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, olena, "waiting", title: "Лавки в парку"));
        var refused = IdeaFixtures.Proposed(Now, olena, "refused", title: "Фонтан на площі") with { CreatedAt = Now.AddDays(-1) };
        await bot.SeedAsync(refused.MovedTo(IdeaStatus.Rejected, Now, "moderator", "Вже є в плані на 2027 рік"));
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r2", "someone-elses"));
        await bot.SayAsync("olena", "/ideas");

        var mine = Assert.Single(await bot.PressAsync("olena", IdeasDialog.Mine));
        var opened = Assert.Single(await bot.PressAsync("olena", "idea:refused"));

        Assert.Equal(Text("Ideas_MineList"), mine.Text);
        Assert.Equal(
            [$"{Text("IdeaStatus_Proposed")} · Лавки в парку", $"{Text("IdeaStatus_Rejected")} · Фонтан на площі", Text("Ideas_Back")],
            mine.AllButtons().Select(button => button.Label));
        Assert.Contains(Text("Ideas_RejectionReason", "Вже є в плані на 2027 рік"), opened.Text);
        Assert.Contains(Text("IdeaStatus_Rejected"), opened.Text);
        Assert.Equal([IdeasDialog.Back], opened.AllButtons().Select(button => button.Data));
    }

    [Fact]
    public async Task Mine_NoOwnIdeas_SaysSoAndBackReturnsToTheList()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/ideas");

        var mine = Assert.Single(await bot.PressAsync("olena", IdeasDialog.Mine));
        var back = Assert.Single(await bot.PressAsync("olena", IdeasDialog.Back));

        Assert.Equal(Text("Ideas_MineNone"), mine.Text);
        Assert.Equal(["/idea", IdeasDialog.Back], mine.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Ideas_None"), back.Text);
    }

    [Fact]
    public async Task TextReceived_AtTheList_RefusedAndShowsTheListAgain()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/ideas");

        var reply = Assert.Single(await bot.SayAsync("olena", "велодоріжка"));

        Assert.Equal($"{Text("Problem_UnexpectedInput")}\n\n{Text("Ideas_None")}", reply.Text);
    }

    [Fact]
    public async Task Command_WithIdeaId_OpensThatIdeaAtOnce()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1"));

        var reply = Assert.Single(await bot.PressAsync("olena", IdeaModeration.OpenCommand("i1")));
        var supported = Assert.Single(await bot.PressAsync("olena", IdeasDialog.Support));

        Assert.StartsWith(IdeaFixtures.Title, reply.Text);
        Assert.StartsWith(Text("Ideas_Supported"), supported.Text);
    }

    [Fact]
    public async Task Cancel_WhileAnIdeaIsOpen_LeavesTheDialog()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r1"));
        await OpenAsync(bot, "olena", "i1");

        var reply = Assert.Single(await bot.SayAsync("olena", "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task Support_HostRestartedWhileTheIdeaWasOpen_SupportsThatIdea()
    {
        await using (var before = await RegisteredAsync("olena"))
        {
            await before.SeedAsync(IdeaFixtures.Published(Now, "r1"));
            await OpenAsync(before, "olena", "i1");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync("olena");
        var reply = Assert.Single(await after.PressAsync("olena", IdeasDialog.Support));

        Assert.StartsWith(Text("Ideas_Supported"), reply.Text);
        Assert.Equal(1, (await after.Ideas().TallyAsync("i1", CancellationToken.None)).Supporters);
    }

    private async Task<EngineHarness> RegisteredAsync(string user)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, user, "Олена");
        return bot;
    }

    private static async Task<IReadOnlyList<OutboundReply>> OpenAsync(EngineHarness bot, string user, string ideaId)
    {
        await bot.SayAsync(user, "/ideas");
        return await bot.PressAsync(user, $"idea:{ideaId}");
    }

    private async Task SupportAndRateAsync(EngineHarness bot, string ideaId, params (string Resident, int? Rating)[] supporters)
    {
        foreach (var (resident, rating) in supporters)
        {
            await bot.Ideas().SupportAsync(ideaId, resident, Now, CancellationToken.None);
            if (rating is { } value)
            {
                await bot.Ideas().RateAsync(ideaId, resident, value, Now, CancellationToken.None);
            }
        }
    }
}
