using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Polls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Polls;

public sealed class NewPollDialogTests : IDisposable
{
    private const string OneMessage = "/newpoll Чи підтримуєте ви нічне освітлення парку?\nТак\nНі\nНе знаю";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        _logs.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task NewPoll_NotASuperAdmin_RefusedPolitelyAndLoggedWithIdsOnly()
    {
        await using var bot = await RegisteredAsync("taras");

        var reply = Assert.Single(await bot.SayAsync("taras", OneMessage));

        Assert.Equal(Text("NewPoll_NotAllowed"), reply.Text);
        Assert.Null((await bot.SessionAsync("taras"))!.Dialog);
        Assert.Empty(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
        var resident = await bot.ResidentAsync("taras");
        var logged = Assert.Single(_logs.Entries, entry => entry.Category == typeof(NewPollDialog).FullName);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("dev:taras", logged.Message);
        Assert.Contains(resident!.Id, logged.Message);
        Assert.DoesNotContain("освітлення", logged.Message);
        Assert.DoesNotContain("Тарас", logged.Message);
    }

    [Fact]
    public async Task NewPoll_OneMessageConfirmed_OpensThePollForTheAdminsCommunityForSevenDays()
    {
        await using var bot = await RegisteredAsync(SuperAdmin, "olena");

        var preview = Assert.Single(await bot.SayAsync(SuperAdmin, OneMessage));
        var published = Assert.Single(await bot.PressAsync(SuperAdmin, "confirm"));
        var list = Assert.Single(await bot.SayAsync("olena", "/polls"));

        var now = _time.GetUtcNow();
        Assert.Equal(
            Text("NewPoll_Preview", "Чи підтримуєте ви нічне освітлення парку?", "1. Так\n2. Ні\n3. Не знаю", "Кам'янське", "30.11.2026 11:00"),
            preview.Text);
        Assert.Equal(["confirm", "/cancel"], preview.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("NewPoll_Published", "30.11.2026 11:00"), published.Text);
        var poll = Assert.Single(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], now, CancellationToken.None));
        Assert.Equal(("Чи підтримуєте ви нічне освітлення парку?", PollType.SingleChoice, PollStatus.Open), (poll.Question, poll.Type, poll.Status));
        Assert.Equal(["Так", "Ні", "Не знаю"], poll.Options);
        Assert.Equal((now, now.AddDays(7)), (poll.OpensAt, poll.ClosesAt));
        Assert.Equal(((await bot.ResidentAsync(SuperAdmin))!.Id, "kamianske"), (poll.AuthorResidentId, poll.CommunityId));
        Assert.Equal($"poll:{poll.Id}", Assert.Single(list.AllButtons()).Data);
    }

    [Fact]
    public async Task NewPoll_AdminOfTheNationalLevel_OpensANationalPoll()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, SuperAdmin, "Адмін", "ukraine");

        var preview = Assert.Single(await bot.SayAsync(SuperAdmin, OneMessage));
        await bot.PressAsync(SuperAdmin, "confirm");

        Assert.Contains("Україна (національний рівень)", preview.Text);
        var poll = Assert.Single(await bot.Services<IPollStore>().ListOpenAsync([Community.NationalId], _time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(Community.NationalId, poll.CommunityId);
    }

    [Fact]
    public async Task NewPoll_WithoutText_AsksForThePollAndTakesTheNextMessage()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);

        var ask = Assert.Single(await bot.SayAsync(SuperAdmin, "/newpoll"));
        var preview = Assert.Single(await bot.SayAsync(SuperAdmin, "Де облаштувати велодоріжку?\nЦентр\nНабережна"));

        Assert.Equal(Text("NewPoll_Ask"), ask.Text);
        Assert.Equal(Text("NewPoll_Preview", "Де облаштувати велодоріжку?", "1. Центр\n2. Набережна", "Кам'янське", "30.11.2026 11:00"), preview.Text);
        Assert.Equal(nameof(NewPollState.AwaitingConfirmation), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Theory]
    [InlineData("/newpoll Чи підтримуєте ви нічне освітлення?", "Problem_OptionsTooFew")]
    [InlineData("/newpoll Так?\nА\nБ", "Problem_QuestionLength")]
    [InlineData("/newpoll Чи підтримуєте ви нічне освітлення?\nТак\nтак", "Problem_OptionRepeated")]
    [InlineData("/newpoll Чи підтримуєте ви нічне освітлення?\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11", "Problem_OptionsTooMany")]
    public async Task NewPoll_InvalidPoll_RepromptsWithTheReasonAndStays(string text, string problem)
    {
        await using var bot = await RegisteredAsync(SuperAdmin);

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, text));

        Assert.Equal($"{Text(problem)}\n\n{Text("NewPoll_Ask")}", reply.Text);
        Assert.Equal(nameof(NewPollState.AwaitingPoll), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Fact]
    public async Task TextReceived_OptionTooLong_RepromptsAndStays()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await bot.SayAsync(SuperAdmin, "/newpoll");

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, $"Яке питання?\nТак\n{new string('д', 101)}"));

        Assert.StartsWith(Text("Problem_OptionLength"), reply.Text);
        Assert.Equal(nameof(NewPollState.AwaitingPoll), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Fact]
    public async Task TextReceived_AtConfirmation_RefusedAndPreviewShownAgain()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        var preview = Assert.Single(await bot.SayAsync(SuperAdmin, OneMessage));

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "так"));

        Assert.Equal($"{Text("Problem_UnexpectedInput")}\n\n{preview.Text}", reply.Text);
        Assert.Empty(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_AtConfirmation_PublishesNothing()
    {
        await using var bot = await RegisteredAsync(SuperAdmin);
        await bot.SayAsync(SuperAdmin, OneMessage);

        var reply = Assert.Single(await bot.PressAsync(SuperAdmin, "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Empty(await bot.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task NewPoll_HostRestartsBeforeConfirmation_PublishesTheDraft()
    {
        await using (var before = await RegisteredAsync(SuperAdmin))
        {
            await before.SayAsync(SuperAdmin, OneMessage);
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync(SuperAdmin);
        var published = Assert.Single(await after.PressAsync(SuperAdmin, "confirm"));

        Assert.StartsWith(Text("NewPoll_Published", "30.11.2026 11:00"), published.Text);
        var poll = Assert.Single(await after.Services<IPollStore>().ListOpenAsync(["kamianske"], _time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(["Так", "Ні", "Не знаю"], poll.Options);
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
