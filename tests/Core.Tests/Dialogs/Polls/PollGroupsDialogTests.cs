using Hromada.Core.Residents;
using Hromada.Core.Tests.Statuses;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Polls;

public sealed class PollGroupsDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(StatusWorld.Now);

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public async Task OptionChosen_Voted_OffersResultsByGroup()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await new StatusWorld(bot).ResidentAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now));
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");

        var voted = Assert.Single(await bot.PressAsync("olena", "option:0"));
        await bot.SayAsync("olena", "/polls");
        var again = Assert.Single(await bot.PressAsync("olena", "poll:p1"));

        Assert.Contains(voted.AllButtons(), button => button.Data == "/pollgroups p1" && button.Label == Text("Polls_ByGroups"));
        Assert.Contains(again.AllButtons(), button => button.Data == "/pollgroups p1");
    }

    /// <summary>Olena and six women born 1990 (30–44), five men born 1950 (60+): every group has at least five.</summary>
    [Fact]
    public async Task PollGroups_AfterOwnVote_ShowsEachGroupsSharesAndNoOnesAnswer()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        await world.ResidentAsync("olena", with: Born(1990, Gender.Female));
        await bot.SeedAsync(PollFixtures.Open(Now));
        for (var i = 0; i < 6; i++)
        {
            await world.ResidentAsync($"woman{i}", with: Born(1990, Gender.Female));
            await world.VoteAsync("p1", $"woman{i}", i < 4 ? 0 : 1);
        }

        for (var i = 0; i < 5; i++)
        {
            await world.ResidentAsync($"man{i}", with: Born(1950, Gender.Male));
            await world.VoteAsync("p1", $"man{i}", 2);
        }

        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");
        await bot.PressAsync("olena", "option:0");

        var reply = Assert.Single(await bot.PressAsync("olena", "/pollgroups p1"));

        var women = "1 — 71%, 2 — 29%, 3 — 0%";
        var men = "1 — 0%, 2 — 0%, 3 — 100%";
        Assert.Equal(
            string.Join(
                "\n",
                Text("Groups_Title", 5),
                "",
                PollFixtures.Question,
                Text("Groups_Options", "1 — Так; 2 — Ні; 3 — Байдуже"),
                "",
                Text("Groups_Age"),
                Text("Groups_Line", "30–44", 7, women),
                Text("Groups_Line", "60+", 5, men),
                "",
                Text("Groups_Gender"),
                Text("Groups_Line", Text("Groups_Gender_Female"), 7, women),
                Text("Groups_Line", Text("Groups_Gender_Male"), 5, men)),
            reply.Text);
        Assert.DoesNotContain("woman", reply.Text);
        Assert.Equal(["/polls", "/menu"], reply.AllButtons().Select(button => button.Data));
    }

    [Fact]
    public async Task PollGroups_OpenPollNotVotedYet_AsksToVoteFirst()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await new StatusWorld(bot).ResidentAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now));

        var reply = Assert.Single(await bot.SayAsync("olena", "/pollgroups p1"));

        Assert.Equal(Text("Groups_VoteFirst"), reply.Text);
    }

    [Fact]
    public async Task PollGroups_ClosedPollNotVoted_ShowsTheGroupsThereAre()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await new StatusWorld(bot).ResidentAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now) with { ClosesAt = Now.AddHours(-1) });

        var reply = Assert.Single(await bot.SayAsync("olena", "/pollgroups p1"));

        Assert.EndsWith(Text("Groups_None", 5), reply.Text);
    }

    [Theory]
    [InlineData("/pollgroups lviv")]
    [InlineData("/pollgroups missing")]
    [InlineData("/pollgroups")]
    public async Task PollGroups_PollNotOneOfTheResidents_Unavailable(string command)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await new StatusWorld(bot).ResidentAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now, "lviv", "lviv") with { ClosesAt = Now.AddHours(-1) });

        var reply = Assert.Single(await bot.SayAsync("olena", command));

        Assert.Equal(Text("Problem_PollUnavailable"), reply.Text);
    }

    private static Action<Resident> Born(int year, Gender gender) => resident =>
    {
        resident.BirthYear = year;
        resident.Gender = gender;
    };
}
