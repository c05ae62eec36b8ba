using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Polls;

public sealed class PollsDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public async Task Polls_NoneOpen_SaysSoAndLeavesTheDialog()
    {
        await using var bot = await RegisteredAsync("olena");

        var reply = Assert.Single(await bot.SayAsync("olena", "/polls"));

        Assert.Equal(Text("Polls_None"), reply.Text);
        Assert.Contains(reply.AllButtons(), button => button.Data == "/propose");
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task Polls_SeveralStored_ListsOpenPollsOfTheCommunityAndNationalLevelOnly()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now, "local"));
        await bot.SeedAsync(PollFixtures.Open(Now, "national", Community.NationalId) with { Question = "Національне питання?" });
        await bot.SeedAsync(PollFixtures.Open(Now, "lviv", "lviv"));
        await bot.SeedAsync(PollFixtures.Open(Now, "proposed") with { Status = PollStatus.Proposed });
        await bot.SeedAsync(PollFixtures.Open(Now, "over") with { ClosesAt = Now });

        var reply = Assert.Single(await bot.SayAsync("olena", "/polls"));

        Assert.Equal(Text("Polls_List"), reply.Text);
        Assert.Equal(["poll:local", "poll:national"], reply.AllButtons().Select(button => button.Data).Order());
        Assert.Equal(nameof(PollsState.AwaitingPoll), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_PollNotYetAnswered_ShowsOptionsButNoTotals()
    {
        await using var bot = await RegisteredAsync("olena", "taras");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now));
        await VoteAsync(bot, "taras", poll, 0);
        await bot.SayAsync("olena", "/polls");

        var reply = Assert.Single(await bot.PressAsync("olena", "poll:p1"));

        Assert.StartsWith(PollFixtures.Question, reply.Text);
        Assert.Contains(Text("Polls_ChooseOne"), reply.Text);
        Assert.DoesNotContain(Text("Polls_Results", 1), reply.Text);
        Assert.DoesNotContain("%", reply.Text);
        Assert.DoesNotContain(reply.AllButtons(), button => button.Label.Contains('%') || button.Label.StartsWith('✅'));
        Assert.Equal(["option:0", "option:1", "option:2", PollsDialog.Back], reply.AllButtons().Select(button => button.Data));
    }

    [Fact]
    public async Task OptionChosen_SingleChoice_VotesAndShowsOwnAnswerAndOnlyTotals()
    {
        await using var bot = await RegisteredAsync("olena", "taras");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now));
        await VoteAsync(bot, "taras", poll, 0);
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");

        var reply = Assert.Single(await bot.PressAsync("olena", "option:1"));

        var expectedTotals = string.Join(
            "\n\n",
            Text("Polls_Results", 2),
            "Так\n█████░░░░░ 50% (1)",
            "Ні\n█████░░░░░ 50% (1)",
            "Байдуже\n░░░░░░░░░░ 0% (0)");
        Assert.Equal(
            string.Join("\n\n", Text("Polls_Voted"), PollFixtures.Question, Text("Polls_YourAnswer", "Ні"), expectedTotals, Text("Polls_CanChange")),
            reply.Text);
        Assert.DoesNotContain("Тарас", reply.Text);
        var ballot = await bot.BallotAsync("p1", "olena");
        Assert.Equal([1], ballot!.Choices);
        Assert.Equal((0, Now), (ballot.Changes, ballot.CastAt));
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task OptionChosen_PollAnsweredBefore_ShowsOwnAnswerTotalsAndMarksTheAnswer()
    {
        await using var bot = await RegisteredAsync("olena");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now));
        await VoteAsync(bot, "olena", poll, 2);
        var list = Assert.Single(await bot.SayAsync("olena", "/polls"));

        var reply = Assert.Single(await bot.PressAsync("olena", "poll:p1"));

        Assert.StartsWith("✅ ", Assert.Single(list.AllButtons()).Label);
        Assert.Contains(Text("Polls_YourAnswer", "Байдуже"), reply.Text);
        Assert.Contains("Байдуже\n██████████ 100% (1)", reply.Text);
        Assert.Equal("✅ Байдуже", reply.AllButtons().Single(button => button.Data == "option:2").Label);
    }

    [Fact]
    public async Task OptionChosen_OtherOptionAfterVoting_ChangesTheVoteAndCountsTheChange()
    {
        await using var bot = await RegisteredAsync("olena", "taras");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now));
        await VoteAsync(bot, "olena", poll, 0);
        await VoteAsync(bot, "taras", poll, 0);
        _time.Advance(TimeSpan.FromHours(1));
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");

        var reply = Assert.Single(await bot.PressAsync("olena", "option:2"));

        Assert.StartsWith(Text("Polls_VoteChanged"), reply.Text);
        var ballot = await bot.BallotAsync("p1", "olena");
        Assert.Equal([2], ballot!.Choices);
        Assert.Equal((1, Now), (ballot.Changes, ballot.CastAt));
        var tally = await bot.TallyAsync(poll);
        Assert.Equal([1, 0, 1], tally.Counts);
        Assert.Equal(2, tally.Voters);
    }

    [Fact]
    public async Task OptionChosen_SameOptionAgain_CountsNoChange()
    {
        await using var bot = await RegisteredAsync("olena");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now));
        await VoteAsync(bot, "olena", poll, 1);

        var reply = Assert.Single(await VoteAsync(bot, "olena", poll, 1));

        Assert.StartsWith(Text("Polls_Voted"), reply.Text);
        Assert.Equal(0, (await bot.BallotAsync("p1", "olena"))!.Changes);
    }

    [Fact]
    public async Task OptionChosen_MultipleChoice_TogglesUpToTheMaximumThenDoneVotes()
    {
        await using var bot = await RegisteredAsync("olena");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now) with
        {
            Type = PollType.MultipleChoice,
            MaxChoices = 2,
            Options = ["Освітлення", "Лавки", "Урни", "Доріжки"],
        });
        await bot.SayAsync("olena", "/polls");
        var question = Assert.Single(await bot.PressAsync("olena", "poll:p1"));

        await bot.PressAsync("olena", "option:0");
        await bot.PressAsync("olena", "option:3");
        var third = Assert.Single(await bot.PressAsync("olena", "option:1"));
        await bot.PressAsync("olena", "option:0");
        var swapped = Assert.Single(await bot.PressAsync("olena", "option:1"));
        var voted = Assert.Single(await bot.PressAsync("olena", PollsDialog.Done));

        Assert.Contains(Text("Polls_ChooseUpTo", 2), question.Text);
        Assert.Contains(question.AllButtons(), button => button.Data == PollsDialog.Done);
        Assert.StartsWith(Text("Problem_TooManyChoices", 2), third.Text);
        Assert.Equal(["✅ Доріжки", "✅ Освітлення"], third.AllButtons().Where(b => b.Label.StartsWith('✅')).Select(b => b.Label).Order());
        Assert.Equal(["✅ Доріжки", "✅ Лавки"], swapped.AllButtons().Where(b => b.Label.StartsWith('✅')).Select(b => b.Label).Order());
        Assert.Contains(Text("Polls_YourAnswer", "Лавки, Доріжки"), voted.Text);
        Assert.Equal([1, 3], (await bot.BallotAsync("p1", "olena"))!.Choices);
        var tally = await bot.TallyAsync(poll);
        Assert.Equal([0, 1, 0, 1], tally.Counts);
    }

    [Fact]
    public async Task OptionChosen_MultipleChoiceDoneWithNothingTicked_RepromptsAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now) with { Type = PollType.MultipleChoice, MaxChoices = 2 });
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");

        var reply = Assert.Single(await bot.PressAsync("olena", PollsDialog.Done));

        Assert.StartsWith(Text("Problem_NoChoice"), reply.Text);
        Assert.Equal(nameof(PollsState.AwaitingChoice), (await bot.SessionAsync("olena"))!.State);
        Assert.Null(await bot.BallotAsync("p1", "olena"));
    }

    [Fact]
    public async Task OptionChosen_Scale_ShowsNumberButtonsAndVotesTheNumber()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now) with
        {
            Question = "Як ви оцінюєте якість доріг?",
            Type = PollType.Scale,
            Options = Poll.ScaleOptions(5),
        });
        await bot.SayAsync("olena", "/polls");
        var question = Assert.Single(await bot.PressAsync("olena", "poll:p1"));

        var voted = Assert.Single(await bot.PressAsync("olena", "option:3"));

        Assert.Contains(Text("Polls_ChooseScale", 5), question.Text);
        Assert.Equal(["1", "2", "3", "4", "5"], question.Buttons[0].Select(button => button.Label));
        Assert.Contains(Text("Polls_YourAnswer", "4"), voted.Text);
        Assert.Equal([3], (await bot.BallotAsync("p1", "olena"))!.Choices);
    }

    [Fact]
    public async Task Polls_StrategicPoll_ShowsTheHorizon()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now) with { Kind = PollKind.Strategic, Horizon = "2026–2030" });
        await bot.SayAsync("olena", "/polls");

        var reply = Assert.Single(await bot.PressAsync("olena", "poll:p1"));

        Assert.Contains(Text("Polls_Horizon", "2026–2030"), reply.Text);
        Assert.Contains(Text("Polls_ClosesAt", "30.11.2026 11:00"), reply.Text);
    }

    [Theory]
    [InlineData("poll:nope")]
    [InlineData("poll:lviv")]
    [InlineData("poll:proposed")]
    public async Task OptionChosen_PollNotOpenToTheResident_RefusedAndListAskedAgain(string button)
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now));
        await bot.SeedAsync(PollFixtures.Open(Now, "lviv", "lviv"));
        await bot.SeedAsync(PollFixtures.Open(Now, "proposed") with { Status = PollStatus.Proposed });
        await bot.SayAsync("olena", "/polls");

        var reply = Assert.Single(await bot.PressAsync("olena", button));

        Assert.Equal($"{Text("Problem_PollUnavailable")}\n\n{Text("Polls_List")}", reply.Text);
        Assert.Equal(nameof(PollsState.AwaitingPoll), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task TextReceived_AtEitherStep_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now));
        await bot.SayAsync("olena", "/polls");

        var atList = Assert.Single(await bot.SayAsync("olena", "Так"));
        await bot.PressAsync("olena", "poll:p1");
        var atChoice = Assert.Single(await bot.SayAsync("olena", "Так"));
        var outOfRange = Assert.Single(await bot.PressAsync("olena", "option:7"));
        var doneOnSingle = Assert.Single(await bot.PressAsync("olena", PollsDialog.Done));

        Assert.StartsWith(Text("Problem_UnexpectedInput"), atList.Text);
        Assert.StartsWith(Text("Problem_UnexpectedInput"), atChoice.Text);
        Assert.StartsWith(Text("Problem_UnexpectedInput"), outOfRange.Text);
        Assert.StartsWith(Text("Problem_UnexpectedInput"), doneOnSingle.Text);
        Assert.Equal(nameof(PollsState.AwaitingChoice), (await bot.SessionAsync("olena"))!.State);
        Assert.Null(await bot.BallotAsync("p1", "olena"));
    }

    [Fact]
    public async Task OptionChosen_Back_ShowsTheListAgain()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now));
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");

        var reply = Assert.Single(await bot.PressAsync("olena", PollsDialog.Back));

        Assert.Equal(Text("Polls_List"), reply.Text);
        Assert.Equal(nameof(PollsState.AwaitingPoll), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_PollClosedWhileChoosing_RefusesTheVoteAndShowsTotalsToEverybody()
    {
        await using var bot = await RegisteredAsync("olena", "taras");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now) with { ClosesAt = Now.AddHours(1) });
        await VoteAsync(bot, "taras", poll, 0);
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");
        _time.Advance(TimeSpan.FromHours(2));

        var reply = Assert.Single(await bot.PressAsync("olena", "option:1"));

        Assert.StartsWith(Text("Problem_PollClosed"), reply.Text);
        Assert.Contains(Text("Polls_Closed"), reply.Text);
        Assert.Contains("Так\n██████████ 100% (1)", reply.Text);
        Assert.Equal([$"{PollGroupsDialog.Command} p1", PollsDialog.Back], reply.AllButtons().Select(button => button.Data));
        Assert.Null(await bot.BallotAsync("p1", "olena"));
    }

    [Fact]
    public async Task OptionChosen_PollWithdrawnWhileChoosing_SaysItIsUnavailableWithBackButton()
    {
        await using var bot = await RegisteredAsync("olena");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now));
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");
        await bot.SeedAsync(poll with { Status = PollStatus.Rejected });

        var reply = Assert.Single(await bot.PressAsync("olena", "option:0"));
        var list = Assert.Single(await bot.PressAsync("olena", PollsDialog.Back));

        Assert.Equal(Text("Problem_PollUnavailable"), reply.Text);
        Assert.Equal([PollsDialog.Back], reply.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Polls_None"), list.Text);
        Assert.Null(await bot.BallotAsync("p1", "olena"));
    }

    [Fact]
    public async Task Cancel_WhileChoosing_LeavesWithoutVoting()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SeedAsync(PollFixtures.Open(Now));
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");

        var reply = Assert.Single(await bot.SayAsync("olena", "/cancel"));
        var afterwards = Assert.Single(await bot.PressAsync("olena", "option:0"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Equal(Text("Engine_NotUnderstood"), afterwards.Text);
        Assert.Null(await bot.BallotAsync("p1", "olena"));
    }

    [Fact]
    public async Task Polls_HostRestartsWhileChoosing_VoteGoesToTheChosenPoll()
    {
        await using (var before = await RegisteredAsync("olena"))
        {
            await before.SeedAsync(PollFixtures.Open(Now));
            await before.SeedAsync(PollFixtures.Open(Now, "p2") with { Question = "Друге питання?" });
            await before.SayAsync("olena", "/polls");
            await before.PressAsync("olena", "poll:p2");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync("olena");
        var reply = Assert.Single(await after.PressAsync("olena", "option:0"));

        Assert.Contains("Друге питання?", reply.Text);
        Assert.Equal([0], (await after.BallotAsync("p2", "olena"))!.Choices);
        Assert.Null(await after.BallotAsync("p1", "olena"));
    }

    [Fact]
    public async Task OptionChosen_HundredPressesOfTheSameOptionAtOnce_LeaveOneBallot()
    {
        await using var bot = await RegisteredAsync("olena");
        var poll = await bot.SeedAsync(PollFixtures.Open(Now));
        await bot.SayAsync("olena", "/polls");
        await bot.PressAsync("olena", "poll:p1");

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            bot.Worker.AcceptAsync(Message("olena", button: "option:0"), CancellationToken.None)));
        await bot.WaitUntilHandledAsync();

        var replies = await bot.NewRepliesAsync("olena");
        Assert.Equal(1, await bot.Services<IBallotStore>().CountAsync("p1", CancellationToken.None));
        Assert.Equal(0, (await bot.BallotAsync("p1", "olena"))!.Changes);
        Assert.Single(replies, reply => reply.Text.StartsWith(Text("Polls_Voted"), StringComparison.Ordinal));
        Assert.Equal([1, 0, 0], (await bot.TallyAsync(poll)).Counts);
    }

    /// <summary>The same resident on two linked apps: each app's presses run in their own lane, in parallel.</summary>
    [Fact]
    public async Task OptionChosen_PressesFromTwoLinkedAppsAtOnce_LeaveOneBallot()
    {
        await using var bot = await RegisteredAsync("olena");
        var resident = (await bot.ResidentAsync("olena"))!;
        resident.Identities.Add(new ChannelIdentity(ChannelKind.Dev, "olena-phone", "olena-phone"));
        await bot.Residents.SaveAsync(resident, CancellationToken.None);
        var poll = await bot.SeedAsync(PollFixtures.Open(Now));
        foreach (var app in new[] { "olena", "olena-phone" })
        {
            await bot.SayAsync(app, "/polls");
            await bot.PressAsync(app, "poll:p1");
        }

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            bot.Worker.AcceptAsync(Message(i % 2 == 0 ? "olena" : "olena-phone", button: "option:2"), CancellationToken.None)));
        await bot.WaitUntilHandledAsync();

        Assert.Equal(1, await bot.Services<IBallotStore>().CountAsync("p1", CancellationToken.None));
        Assert.Equal(0, (await bot.BallotAsync("p1", "olena"))!.Changes);
        Assert.Equal(new PollTally([0, 0, 1], 1).Counts, (await bot.TallyAsync(poll)).Counts);
    }

    private async Task<EngineHarness> RegisteredAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, user == "taras" ? "Тарас" : "Олена");
        }

        return bot;
    }

    private static async Task<IReadOnlyList<OutboundReply>> VoteAsync(EngineHarness bot, string user, Poll poll, int option)
    {
        await bot.SayAsync(user, "/polls");
        await bot.PressAsync(user, PollsDialog.PollPrefix + poll.Id);
        return await bot.PressAsync(user, $"{PollsDialog.OptionPrefix}{option}");
    }
}
