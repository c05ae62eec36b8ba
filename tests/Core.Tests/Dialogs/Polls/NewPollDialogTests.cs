using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Admin;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Tests.Dialogs.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Polls;

public sealed class NewPollDialogTests : IDisposable
{
    private const string Question = "Чи підтримуєте ви нічне освітлення парку?";
    private const string OneMessage = $"/newpoll {Question}\nТак\nНі\nНе знаю";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        _logs.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task NewPoll_NotAModerator_RefusedPolitelyLoggedWithIdsOnlyAndAudited()
    {
        await using var bot = await RegisteredAsync("taras");

        var reply = Assert.Single(await bot.SayAsync("taras", OneMessage));

        Assert.Equal(Text("NewPoll_NotAllowed"), reply.Text);
        Assert.Null((await bot.SessionAsync("taras"))!.Dialog);
        Assert.Empty(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
        var resident = await bot.ResidentAsync("taras");
        var logged = Assert.Single(_logs.Entries, entry => entry.Category == typeof(AuditTrail).FullName && entry.Level == LogLevel.Warning);
        Assert.Contains("dev:taras", logged.Message);
        Assert.Contains(resident!.Id, logged.Message);
        Assert.DoesNotContain("освітлення", logged.Message);
        Assert.DoesNotContain("Тарас", logged.Message);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, "command:/newpoll", "dev:taras", resident.Id), (audited.Action, audited.Target, audited.Actor.Id, audited.Actor.ResidentId));
    }

    [Fact]
    public async Task NewPoll_OneMessageThroughEveryStep_OpensThePollAndAuditsIt()
    {
        await using var bot = await RegisteredAsync(SuperAdmin, "olena");

        var type = Assert.Single(await bot.SayAsync(SuperAdmin, OneMessage));
        var kind = Assert.Single(await bot.PressAsync(SuperAdmin, NewPollDialog.SingleChoice));
        var sphere = Assert.Single(await bot.PressAsync(SuperAdmin, NewPollDialog.Current));
        var community = Assert.Single(await bot.PressAsync(SuperAdmin, "sphere:ecology"));
        var closing = Assert.Single(await bot.PressAsync(SuperAdmin, "community:kamianske"));
        var preview = Assert.Single(await bot.PressAsync(SuperAdmin, "closes:7"));
        var published = Assert.Single(await bot.PressAsync(SuperAdmin, "confirm"));
        var list = Assert.Single(await bot.SayAsync("olena", "/polls"));

        var now = _time.GetUtcNow();
        Assert.Equal(Text("NewPoll_AskType"), type.Text);
        Assert.Equal(Text("NewPoll_AskKind"), kind.Text);
        Assert.Equal(Text("NewPoll_AskSphere"), sphere.Text);
        Assert.Equal(Text("NewPoll_AskCommunity"), community.Text);
        Assert.Contains(community.AllButtons(), button => button.Data == "community:kamianske");
        Assert.Equal(["closes:1", "closes:3", "closes:7", "closes:14"], closing.AllButtons().Select(button => button.Data));
        Assert.Equal(
            Text("NewPoll_Preview", Question, "1. Так\n2. Ні\n3. Не знаю", Text("NewPoll_TypeSingle"), Text("NewPoll_KindCurrent"),
                Text("Sphere_ecology"), "Кам'янське", "30.11.2026 11:00"),
            preview.Text);
        Assert.Equal(["confirm", "/cancel"], preview.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("NewPoll_Published", "30.11.2026 11:00"), published.Text);
        var poll = Assert.Single(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], now, CancellationToken.None));
        Assert.Equal((Question, PollType.SingleChoice, PollKind.CurrentState, PollStatus.Open), (poll.Question, poll.Type, poll.Kind, poll.Status));
        Assert.Equal(["Так", "Ні", "Не знаю"], poll.Options);
        Assert.Equal(["ecology"], poll.Spheres);
        Assert.Equal((now, now.AddDays(7)), (poll.OpensAt, poll.ClosesAt));
        Assert.Equal((await bot.IdOfAsync(SuperAdmin), "kamianske"), (poll.AuthorResidentId, poll.CommunityId));
        Assert.Equal($"poll:{poll.Id}", Assert.Single(list.AllButtons()).Data);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.PollCreated, $"poll:{poll.Id}", "kamianske", null), (audited.Action, audited.Target, audited.CommunityId, audited.Before));
        Assert.Contains(Question, audited.After);
    }

    [Fact]
    public async Task NewPoll_WizardMultipleChoiceStrategicTypedClosingTime_StoresEveryAnswer()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);

        var ask = Assert.Single(await bot.SayAsync(SuperAdmin, "/newpoll"));
        var askOptions = Assert.Single(await bot.SayAsync(SuperAdmin, "Які кроки енергозбереження важливі?"));
        var soFar = Assert.Single(await bot.SayAsync(SuperAdmin, "Утеплення\nСонячні панелі"));
        await bot.SayAsync(SuperAdmin, "Лічильники");
        await bot.PressAsync(SuperAdmin, NewPollDialog.Done);
        var askMax = Assert.Single(await bot.PressAsync(SuperAdmin, NewPollDialog.MultipleChoice));
        await bot.PressAsync(SuperAdmin, "max:2");
        var askHorizon = Assert.Single(await bot.PressAsync(SuperAdmin, NewPollDialog.Strategic));
        await bot.SayAsync(SuperAdmin, "2026–2030");
        await bot.PressAsync(SuperAdmin, "sphere:energy");
        var found = Assert.Single(await bot.SayAsync(SuperAdmin, "Украї"));
        await bot.PressAsync(SuperAdmin, "community:ukraine");
        var preview = Assert.Single(await bot.SayAsync(SuperAdmin, "24.12.2026 18:00"));
        await bot.PressAsync(SuperAdmin, "confirm");

        Assert.Equal(Text("NewPoll_AskQuestion"), ask.Text);
        Assert.StartsWith(Text("NewPoll_AskOptions", OptionsValidator.MaxCount), askOptions.Text);
        Assert.StartsWith(Text("NewPoll_OptionsSoFar", "1. Утеплення\n2. Сонячні панелі"), soFar.Text);
        Assert.Equal(["max:2", "max:3"], askMax.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("NewPoll_AskHorizon"), askHorizon.Text);
        Assert.Equal(Text("Admin_ChooseCommunity"), found.Text);
        Assert.Contains(Text("NewPoll_TypeMultipleUpTo", 2), preview.Text);
        Assert.Contains(Text("NewPoll_KindStrategicFor", "2026–2030"), preview.Text);
        Assert.Contains("24.12.2026 18:00", preview.Text);
        var poll = Assert.Single(await bot.Services<IPollStore>().ListOpenAsync([Community.NationalId], _time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(["Утеплення", "Сонячні панелі", "Лічильники"], poll.Options);
        Assert.Equal((PollType.MultipleChoice, 2, PollKind.Strategic, "2026–2030"), (poll.Type, poll.MaxChoices, poll.Kind, poll.Horizon));
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 16, 0, 0, TimeSpan.Zero), poll.ClosesAt);
    }

    [Theory]
    [InlineData(NewPollDialog.Scale5, 5)]
    [InlineData(NewPollDialog.Scale10, 10)]
    public async Task NewPoll_ScaleChosenAtTheOptions_NumbersBecomeTheOptions(string scale, int top)
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await bot.SayAsync(SuperAdmin, "/newpoll");
        await bot.SayAsync(SuperAdmin, "Як ви оцінюєте роботу транспорту?");

        var kind = Assert.Single(await bot.PressAsync(SuperAdmin, scale));
        await CompleteAsync(bot, SuperAdmin);

        Assert.Equal(Text("NewPoll_AskKind"), kind.Text);
        var poll = Assert.Single(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
        Assert.Equal((PollType.Scale, top), (poll.Type, poll.Options.Count));
        Assert.Equal(Poll.ScaleOptions(top), poll.Options);
    }

    [Fact]
    public async Task NewPoll_ModeratorOfACommunity_OffersOnlyTheirCommunitiesAndRefusesAnother()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.GrantAsync("olena", Role.Moderator, "kamianske");
        await bot.SayAsync("olena", OneMessage);
        await bot.PressAsync("olena", NewPollDialog.SingleChoice);
        await bot.PressAsync("olena", NewPollDialog.Current);

        var community = Assert.Single(await bot.PressAsync("olena", "sphere:ecology"));
        var other = Assert.Single(await bot.PressAsync("olena", "community:lviv"));
        var searched = Assert.Single(await bot.SayAsync("olena", "Льв"));

        Assert.Equal(["community:kamianske"], community.AllButtons().Select(button => button.Data));
        Assert.Equal($"{Text("Problem_CommunityNotYours")}\n\n{Text("NewPoll_AskCommunity")}", other.Text);
        Assert.StartsWith(Text("Problem_CommunityNotFound"), searched.Text);
        Assert.Equal(nameof(NewPollState.AwaitingCommunity), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task NewPoll_ModeratorOfACommunity_Publishes()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.GrantAsync("olena", Role.Moderator, "kamianske");

        await bot.SayAsync("olena", OneMessage);
        await CompleteAsync(bot, "olena", NewPollDialog.SingleChoice);

        Assert.Single(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task NewPoll_RoleRevokedMidWizard_RefusedAtTheNextMessage()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.GrantAsync("olena", Role.Moderator, "kamianske");
        await bot.SayAsync("olena", OneMessage);
        await bot.Services<IRoleStore>().DeleteAsync(await bot.IdOfAsync("olena"), "kamianske", CancellationToken.None);

        var reply = Assert.Single(await bot.PressAsync("olena", NewPollDialog.SingleChoice));

        Assert.Equal(Text("NewPoll_NotAllowed"), reply.Text);
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Theory]
    [InlineData("/newpoll Чи підтримуєте ви нічне освітлення?\nТак", "Problem_OptionsTooFew")]
    [InlineData("/newpoll Так?", "Problem_QuestionLength")]
    [InlineData("/newpoll Так?\nА\nБ", "Problem_QuestionLength")]
    [InlineData("/newpoll Чи підтримуєте ви нічне освітлення?\nТак\nтак", "Problem_OptionRepeated")]
    [InlineData("/newpoll Чи підтримуєте ви нічне освітлення?\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11", "Problem_OptionsTooMany")]
    public async Task NewPoll_InvalidPoll_RepromptsWithTheReasonAndStays(string text, string problem)
    {
        await using var bot = await RegisteredAsync(SuperAdmin);

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, text));

        Assert.Equal($"{Text(problem)}\n\n{Text("NewPoll_AskQuestion")}", reply.Text);
        Assert.Equal(nameof(NewPollState.AwaitingQuestion), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Fact]
    public async Task TextReceived_OptionTooLong_RepromptsAndStays()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await bot.SayAsync(SuperAdmin, "/newpoll");

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, $"Яке питання?\nТак\n{new string('д', 101)}"));

        Assert.StartsWith(Text("Problem_OptionLength"), reply.Text);
        Assert.Equal(nameof(NewPollState.AwaitingQuestion), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Fact]
    public async Task OptionChosen_DoneWithOneOption_RepromptsAndStays()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await bot.SayAsync(SuperAdmin, "/newpoll");
        await bot.SayAsync(SuperAdmin, "Яке питання обрати?");
        await bot.SayAsync(SuperAdmin, "Лише одне");

        var reply = Assert.Single(await bot.PressAsync(SuperAdmin, NewPollDialog.Done));

        Assert.StartsWith(Text("Problem_OptionsTooFew"), reply.Text);
        Assert.Equal(nameof(NewPollState.AwaitingOptions), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Theory]
    [InlineData("max:4", "Problem_MaxChoices")]
    [InlineData("1", "Problem_MaxChoices")]
    public async Task MaxChoices_OutOfRange_RepromptsAndStays(string answer, string problem)
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await bot.SayAsync(SuperAdmin, OneMessage);
        await bot.PressAsync(SuperAdmin, NewPollDialog.MultipleChoice);

        var reply = Assert.Single(answer.StartsWith("max:", StringComparison.Ordinal)
            ? await bot.PressAsync(SuperAdmin, answer)
            : await bot.SayAsync(SuperAdmin, answer));

        Assert.StartsWith(Text(problem, 3), reply.Text);
        Assert.Equal(nameof(NewPollState.AwaitingMaxChoices), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Fact]
    public async Task Horizon_TooShort_RepromptsAndStays()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await bot.SayAsync(SuperAdmin, OneMessage);
        await bot.PressAsync(SuperAdmin, NewPollDialog.SingleChoice);
        await bot.PressAsync(SuperAdmin, NewPollDialog.Strategic);

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "26"));

        Assert.Equal($"{Text("Problem_HorizonLength")}\n\n{Text("NewPoll_AskHorizon")}", reply.Text);
    }

    [Theory]
    [InlineData("завтра", "Problem_ClosingTimeFormat")]
    [InlineData("23.11.2026 11:30", "Problem_ClosingTimeTooSoon")]
    [InlineData("22.11.2026 10:00", "Problem_ClosingTimeTooSoon")]
    [InlineData("01.01.2028 10:00", "Problem_ClosingTimeTooFar")]
    public async Task ClosingTime_Invalid_RepromptsWithTheReasonAndStays(string typed, string problem)
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await ReachClosingTimeAsync(bot, SuperAdmin);

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, typed));

        Assert.StartsWith(Text(problem), reply.Text);
        Assert.Equal(nameof(NewPollState.AwaitingClosingTime), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Fact]
    public async Task TextReceived_AtConfirmation_RefusedAndPreviewShownAgain()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await ReachClosingTimeAsync(bot, SuperAdmin);
        var preview = Assert.Single(await bot.PressAsync(SuperAdmin, "closes:3"));

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "так"));

        Assert.Equal($"{Text("Problem_UnexpectedInput")}\n\n{preview.Text}", reply.Text);
        Assert.Empty(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_AtConfirmation_PublishesNothingAndAuditsNothing()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await ReachClosingTimeAsync(bot, SuperAdmin);
        await bot.PressAsync(SuperAdmin, "closes:3");

        var reply = Assert.Single(await bot.PressAsync(SuperAdmin, "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Empty(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
        Assert.Empty(await bot.AuditAsync());
    }

    [Fact]
    public async Task NewPoll_HostRestartsBeforeConfirmation_PublishesTheDraft()
    {
        await using (var before = await RegisteredAsync(SuperAdmin))
        {
            await ReachClosingTimeAsync(before, SuperAdmin);
            await before.PressAsync(SuperAdmin, "closes:7");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync(SuperAdmin);
        var published = Assert.Single(await after.PressAsync(SuperAdmin, "confirm"));

        Assert.StartsWith(Text("NewPoll_Published", "30.11.2026 11:00"), published.Text);
        var poll = Assert.Single(await after.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(["Так", "Ні", "Не знаю"], poll.Options);
    }

    /// <summary>From the type step: a type (when given), current state, ecology, Kam'ianske, a week, publish.</summary>
    private static async Task CompleteAsync(EngineHarness bot, string user, string? type = null)
    {
        if (type is not null)
        {
            await bot.PressAsync(user, type);
        }

        await bot.PressAsync(user, NewPollDialog.Current);
        await bot.PressAsync(user, "sphere:ecology");
        await bot.PressAsync(user, CommunityQuestion.Prefix + "kamianske");
        await bot.PressAsync(user, "closes:7");
        await bot.PressAsync(user, "confirm");
    }

    private static async Task ReachClosingTimeAsync(EngineHarness bot, string user)
    {
        await bot.SayAsync(user, OneMessage);
        await bot.PressAsync(user, NewPollDialog.SingleChoice);
        await bot.PressAsync(user, NewPollDialog.Current);
        await bot.PressAsync(user, "sphere:ecology");
        await bot.PressAsync(user, "community:kamianske");
    }

    private async Task<EngineHarness> RegisteredAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time, services => services.AddSingleton<ILoggerProvider>(_logs));
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, user == "taras" ? "Тарас" : "Олена");
        }

        return bot;
    }
}
