using System.Text.Json;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Polls;
using Hromada.Core.Tests.Dialogs.Polls;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs;

/// <summary>The dialogs of a registered resident: profile, my data, forget, menu and help.</summary>
public sealed class ResidentDialogsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Profile_NameChanged_SavedAndSummaryShown()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");
        var summary = await bot.SayAsync("olena", "/profile");
        await bot.PressAsync("olena", "field:name");

        var replies = await bot.SayAsync("olena", "Олена Коваль");

        Assert.StartsWith("Ваш профіль\nІм'я: Олена\nГромада: Кам'янське\nСфери: Екологія", Assert.Single(summary).Text);
        Assert.StartsWith("Ваш профіль\nІм'я: Олена Коваль", Assert.Single(replies).Text);
        Assert.Equal("Олена Коваль", (await bot.ResidentAsync("olena"))!.Name);
    }

    [Fact]
    public async Task Profile_InvalidName_RefusedAndOldNameKept()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");
        await bot.SayAsync("olena", "/profile");
        await bot.PressAsync("olena", "field:name");

        var replies = await bot.SayAsync("olena", "12345");

        Assert.StartsWith(Text("Problem_NameCharacters"), Assert.Single(replies).Text);
        Assert.Equal("Олена", (await bot.ResidentAsync("olena"))!.Name);
    }

    [Fact]
    public async Task Profile_SpheresToggledThenCancelled_SpheresUnchanged()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");
        await bot.SayAsync("olena", "/profile");
        await bot.PressAsync("olena", "field:spheres");
        await bot.PressAsync("olena", "sphere:ecology");

        await bot.SayAsync("olena", "/cancel");

        Assert.Equal(["ecology"], (await bot.ResidentAsync("olena"))!.Spheres);
    }

    [Fact]
    public async Task Profile_CommunityChanged_Saved()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");
        await bot.SayAsync("olena", "/profile");
        await bot.PressAsync("olena", "field:community");
        await bot.SayAsync("olena", "Lviv");

        await bot.PressAsync("olena", "community:lviv");
        var done = await bot.PressAsync("olena", ProfileQuestions.Done);

        Assert.Equal("lviv", (await bot.ResidentAsync("olena"))!.CommunityId);
        Assert.Equal(Text("Profile_Saved"), Assert.Single(done).Text);
    }

    [Fact]
    public async Task MyData_Registered_SendsJsonDocumentOfTheResident()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");

        var reply = Assert.Single(await bot.SayAsync("olena", "/mydata"));

        Assert.Equal("application/json", reply.Document!.ContentType);
        using var json = JsonDocument.Parse(reply.Document.Content);
        Assert.Equal("Олена", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("kamianske", json.RootElement.GetProperty("communityId").GetString());
        Assert.Equal("olena", json.RootElement.GetProperty("identities")[0].GetProperty("platformUserId").GetString());
    }

    [Fact]
    public async Task Forget_Confirmed_DeletesResidentAndNextStartOnboardsAgain()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");
        await bot.SayAsync("olena", "/forget");

        var done = await bot.PressAsync("olena", "confirm");
        var again = await bot.SayAsync("olena", "/start");

        Assert.Equal(Text("Forget_Done"), Assert.Single(done).Text);
        Assert.Null(await bot.ResidentAsync("olena"));
        Assert.Equal(Text("Onboarding_Consent"), Assert.Single(again).Text);
    }

    [Fact]
    public async Task Forget_Kept_DeletesNothing()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");
        await bot.SayAsync("olena", "/forget");

        var kept = await bot.PressAsync("olena", "keep");

        Assert.Equal(Text("Forget_Kept"), Assert.Single(kept).Text);
        Assert.NotNull(await bot.ResidentAsync("olena"));
    }

    [Fact]
    public async Task Menu_ButtonsSendCommandsThatExist()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");

        var menu = Assert.Single(await bot.SayAsync("olena", "/menu"));

        foreach (var button in menu.Buttons.SelectMany(row => row))
        {
            var replies = await bot.PressAsync("olena", button.Data);
            Assert.DoesNotContain(replies, reply => reply.Text == Text("Engine_UnknownCommand"));
            await bot.SayAsync("olena", "/cancel");
        }
    }

    [Fact]
    public async Task Text_RegisteredOutsideDialog_SaysNotUnderstoodWithMenuButton()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");

        var reply = Assert.Single(await bot.SayAsync("olena", "привіт"));

        Assert.Equal(Text("Engine_NotUnderstood"), reply.Text);
        Assert.Equal("/menu", Assert.Single(reply.Buttons.SelectMany(row => row)).Data);
    }

    [Fact]
    public async Task MyData_AreaRegistersSection_ExportedUnderItsName()
    {
        await using var bot = await RegisteredAsync(
            "olena", "Олена", services => services.AddSingleton<IPersonalDataSection, GreetingsSection>());

        var reply = Assert.Single(await bot.SayAsync("olena", "/mydata"));

        using var json = JsonDocument.Parse(reply.Document!.Content);
        Assert.Equal("Олена", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("hello, Олена", json.RootElement.GetProperty("greetings")[0].GetString());
    }

    [Fact]
    public async Task MyData_Voted_ExportsOwnBallotsWithQuestionAnswerAndChanges()
    {
        await using var bot = await RegisteredAsync("olena", "Олена");
        var resident = (await bot.ResidentAsync("olena"))!;
        var poll = PollFixtures.Open(_time.GetUtcNow());
        await bot.SeedAsync(poll);
        var ballots = bot.Services<IBallotStore>();
        await ballots.CastAsync("p1", resident.Id, [0], _time.GetUtcNow(), CancellationToken.None);
        await ballots.CastAsync("p1", resident.Id, [1], _time.GetUtcNow().AddMinutes(5), CancellationToken.None);
        await ballots.CastAsync("p1", "somebody-else", [2], _time.GetUtcNow(), CancellationToken.None);

        var reply = Assert.Single(await bot.SayAsync("olena", "/mydata"));

        using var json = JsonDocument.Parse(reply.Document!.Content);
        var ballot = Assert.Single(json.RootElement.GetProperty("ballots").EnumerateArray());
        Assert.Equal(PollFixtures.Question, ballot.GetProperty("question").GetString());
        Assert.Equal(["Ні"], ballot.GetProperty("answer").EnumerateArray().Select(label => label.GetString()));
        Assert.Equal(1, ballot.GetProperty("changes").GetInt32());
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), ballot.GetProperty("castAt").GetDateTimeOffset());
    }

    private async Task<EngineHarness> RegisteredAsync(string user, string name, Action<IServiceCollection>? extra = null)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time, extra);
        await OnboardingDialogTests.OnboardAsync(bot, user, name);
        return bot;
    }

    /// <summary>An area's data as /mydata sees it: whatever the section returns for the resident.</summary>
    private sealed class GreetingsSection : IPersonalDataSection
    {
        public string Name => "greetings";

        public Task<object?> ExportAsync(Resident resident, CancellationToken cancellationToken) =>
            Task.FromResult<object?>(new[] { $"hello, {resident.Name}" });
    }
}
