using Hromada.Core.Residents;
using Hromada.Core.Tests.Statuses;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Status;

public sealed class StatusDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(StatusWorld.Now);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Status_NoPollOpenYet_ShowsRegisteredAndOneAnswerForResponsible()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await new StatusWorld(bot).ResidentAsync("olena");

        var reply = Assert.Single(await bot.SayAsync("olena", "/status"));

        Assert.Equal(
            string.Join(
                "\n",
                Text("Status_Title", Text("Status_Registered")),
                "",
                Text("Status_NoPolls"),
                Text("Status_ProposalMonths", 0, 3),
                "",
                Text("Status_Next", Text("Status_Responsible")),
                "• " + Text("Status_NeedAnswers", 1)),
            reply.Text);
        Assert.Equal(["/polls", "/propose", "/menu"], reply.Buttons.SelectMany(row => row).Select(button => button.Data));
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    /// <summary>
    /// 3 of 5 answered (one changed), a proposal in November only, one closed poll with the majority:
    /// responsible by today's figures though registered as stored; the expert needs two more unchanged
    /// answers (the two open ones: 4 of 5) and a proposal in each month.
    /// </summary>
    [Fact]
    public async Task Status_SomeParticipation_ShowsFiguresSpheresPendingStatusAndNeeds()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        await world.ResidentAsync("olena");
        await world.PollAsync("closed", closesAt: StatusWorld.Now.AddDays(-2), spheres: ["ecology"]);
        await world.PollAsync("eco", spheres: ["ecology"]);
        await world.PollAsync("transport", spheres: ["transport"]);
        await world.PollsAsync(2, prefix: "open");
        await world.VoteAsync("closed", "olena", 0);
        await world.VoteAsync("closed", "taras", 0);
        await world.VoteAsync("eco", "olena", 1);
        await world.VoteAndChangeAsync("transport", "olena");
        await world.ProposeAsync("olena", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        var reply = Assert.Single(await bot.SayAsync("olena", "/status"));

        Assert.Equal(
            string.Join(
                "\n",
                Text("Status_Title", Text("Status_Registered")),
                Text("Status_Pending", Text("Status_Responsible")),
                "",
                Text("Status_Answered", 3, 5, "60"),
                Text("Status_Unchanged", 2, 5, "40"),
                Text("Status_ProposalMonths", 1, 3),
                Text("Status_Majority", 1, 1),
                "",
                Text("Status_Spheres"),
                Text("Status_SphereLine", Text("Sphere_ecology"), Text("Status_Responsible"), 2, 2, "100"),
                Text("Status_SphereLine", Text("Sphere_transport"), Text("Status_Responsible"), 1, 1, "100"),
                "",
                Text("Status_Next", Text("Status_LocalExpert")),
                "• " + Text("Status_NeedUnchanged", 2),
                "• " + Text("Status_NeedProposalMonths", 1, 3)),
            reply.Text);
    }

    [Fact]
    public async Task Status_ThirdOfPolls_ShowsSharesCutToOneDecimal()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        await world.ResidentAsync("olena");
        await world.PollsAsync(3);
        await world.VoteAsync("p1", "olena", 0);

        var reply = Assert.Single(await bot.SayAsync("olena", "/status"));

        Assert.Contains(Text("Status_Answered", 1, 3, "33.3"), reply.Text);
    }

    [Fact]
    public async Task Status_OpinionLeaderStored_SaysItIsTheTop()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        await world.ResidentAsync("olena", with: resident => resident.Status = ResidentStatus.OpinionLeader);
        await world.PollAsync("closed", closesAt: StatusWorld.Now.AddDays(-2));
        await world.VoteAsync("closed", "olena", 2);
        await world.ProposeEveryMonthAsync("olena");

        var reply = Assert.Single(await bot.SayAsync("olena", "/status"));

        Assert.StartsWith(Text("Status_Title", Text("Status_OpinionLeader")) + "\n\n", reply.Text);
        Assert.EndsWith(Text("Status_Top"), reply.Text);
    }

    [Fact]
    public async Task Status_StoredHigherThanTodaysFigures_SaysWhatTheFiguresEarn()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await new StatusWorld(bot).ResidentAsync("olena", with: resident => resident.Status = ResidentStatus.LocalExpert);

        var reply = Assert.Single(await bot.SayAsync("olena", "/status"));

        Assert.StartsWith(
            Text("Status_Title", Text("Status_LocalExpert")) + "\n" + Text("Status_Pending", Text("Status_Registered")),
            reply.Text);
    }

    [Fact]
    public async Task Menu_Registered_OffersStatusAndHelpListsIt()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await new StatusWorld(bot).ResidentAsync("olena");

        var menu = Assert.Single(await bot.SayAsync("olena", "/menu"));
        var help = Assert.Single(await bot.SayAsync("olena", "/help"));

        Assert.Contains(menu.Buttons.SelectMany(row => row), button => button.Data == "/status" && button.Label == Text("Menu_Status"));
        Assert.Contains("/status", help.Text);
    }
}
