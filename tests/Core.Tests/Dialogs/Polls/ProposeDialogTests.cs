using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Polls;

public sealed class ProposeDialogTests : IDisposable
{
    private const string Question = "Чи варто зробити вулицю Широку пішохідною у вихідні?";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Propose_AllStepsAnswered_StoresAProposalAndSaysItWaitsForModeration()
    {
        await using var bot = await RegisteredAsync("olena");

        var askQuestion = Assert.Single(await bot.SayAsync("olena", "/propose"));
        var askOptions = Assert.Single(await bot.SayAsync("olena", Question));
        var oneOption = Assert.Single(await bot.SayAsync("olena", "Так"));
        var threeOptions = Assert.Single(await bot.SayAsync("olena", "Ні\n\n  Лише влітку  "));
        var askSphere = Assert.Single(await bot.PressAsync("olena", ProposeDialog.Done));
        var sent = Assert.Single(await bot.PressAsync("olena", "sphere:transport"));

        Assert.Equal(Text("Propose_AskQuestion"), askQuestion.Text);
        Assert.Equal(Text("Propose_AskOptions", 10), askOptions.Text);
        Assert.Empty(askOptions.Buttons);
        Assert.Equal($"{Text("Propose_OptionsSoFar", "1. Так")}\n\n{Text("Propose_AskOptions", 10)}", oneOption.Text);
        Assert.StartsWith(Text("Propose_OptionsSoFar", "1. Так\n2. Ні\n3. Лише влітку"), threeOptions.Text);
        Assert.Equal([ProposeDialog.Done], threeOptions.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Propose_AskSphere"), askSphere.Text);
        Assert.Equal(20, askSphere.AllButtons().Count());
        Assert.Equal(Text("Propose_Sent"), sent.Text);
        Assert.Contains(sent.AllButtons(), button => button.Data == "/polls");
        var proposal = Assert.Single(await bot.Services<IPollStore>().ListProposedAsync(CancellationToken.None));
        Assert.Equal((Question, "kamianske", PollStatus.Proposed, (await bot.ResidentAsync("olena"))!.Id), (proposal.Question, proposal.CommunityId, proposal.Status, proposal.AuthorResidentId));
        Assert.Equal(["Так", "Ні", "Лише влітку"], proposal.Options);
        Assert.Equal(["transport"], proposal.Spheres);
        Assert.Equal((_time.GetUtcNow(), null, null), (proposal.CreatedAt, proposal.OpensAt, proposal.ClosesAt));
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task Propose_Stored_IsNotListedAmongOpenPolls()
    {
        await using var bot = await RegisteredAsync("olena");
        await ProposeAsync(bot, "olena");

        var reply = Assert.Single(await bot.SayAsync("olena", "/polls"));

        Assert.Equal(Text("Polls_None"), reply.Text);
    }

    [Theory]
    [InlineData("Як?")]
    [InlineData("")]
    public async Task TextReceived_QuestionTooShort_RepromptsAndStays(string question)
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/propose");

        var reply = Assert.Single(await bot.SendAsync(Message("olena", text: question)));

        Assert.Equal($"{Text("Problem_QuestionLength")}\n\n{Text("Propose_AskQuestion")}", reply.Text);
        Assert.Equal(nameof(ProposeState.AwaitingQuestion), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_AtQuestion_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/propose");

        var reply = Assert.Single(await bot.PressAsync("olena", ProposeDialog.Done));

        Assert.StartsWith(Text("Problem_UnexpectedInput"), reply.Text);
        Assert.Equal(nameof(ProposeState.AwaitingQuestion), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_DoneWithOneOption_RepromptsAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/propose");
        await bot.SayAsync("olena", Question);
        await bot.SayAsync("olena", "Так");

        var reply = Assert.Single(await bot.PressAsync("olena", ProposeDialog.Done));

        Assert.StartsWith(Text("Problem_OptionsTooFew"), reply.Text);
        Assert.Equal(nameof(ProposeState.AwaitingOptions), (await bot.SessionAsync("olena"))!.State);
    }

    [Theory]
    [InlineData("так\nЩось інше", "Problem_OptionRepeated")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n10", "Problem_OptionsTooMany")]
    public async Task TextReceived_OptionsRefused_NoneOfTheMessageIsAdded(string text, string problem)
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/propose");
        await bot.SayAsync("olena", Question);
        await bot.SayAsync("olena", "Так");

        var reply = Assert.Single(await bot.SayAsync("olena", text));

        Assert.StartsWith($"{Text(problem)}\n\n{Text("Propose_OptionsSoFar", "1. Так")}", reply.Text);
        Assert.Equal("Так", (await bot.SessionAsync("olena"))!.Data["options"]);
    }

    [Fact]
    public async Task TextReceived_OptionTooLong_Refused()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/propose");
        await bot.SayAsync("olena", Question);

        var reply = Assert.Single(await bot.SayAsync("olena", new string('т', 101)));

        Assert.Equal($"{Text("Problem_OptionLength")}\n\n{Text("Propose_AskOptions", 10)}", reply.Text);
    }

    [Theory]
    [InlineData(null, "sphere:space")]
    [InlineData("Транспорт", null)]
    public async Task Message_AtSphereNotASphereButton_RefusedAndStays(string? text, string? button)
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachSphereAsync(bot, "olena");

        var reply = Assert.Single(await bot.SendAsync(Message("olena", text, button)));

        Assert.StartsWith($"{Text("Problem_UnexpectedInput")}\n\n{Text("Propose_AskSphere")}", reply.Text);
        Assert.Equal(nameof(ProposeState.AwaitingSphere), (await bot.SessionAsync("olena"))!.State);
        Assert.Empty(await bot.Services<IPollStore>().ListProposedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_AtSphere_StoresNothing()
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachSphereAsync(bot, "olena");

        var reply = Assert.Single(await bot.SayAsync("olena", "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Empty(await bot.Services<IPollStore>().ListProposedAsync(CancellationToken.None));
        Assert.Empty((await bot.SessionAsync("olena"))!.Data);
    }

    [Fact]
    public async Task Propose_HostRestartsAfterOptions_ContinuesWithTheDraft()
    {
        await using (var before = await RegisteredAsync("olena"))
        {
            await before.SayAsync("olena", "/propose");
            await before.SayAsync("olena", Question);
            await before.SayAsync("olena", "Так\nНі");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync("olena");
        await after.PressAsync("olena", ProposeDialog.Done);
        await after.PressAsync("olena", "sphere:ecology");

        var proposal = Assert.Single(await after.Services<IPollStore>().ListProposedAsync(CancellationToken.None));
        Assert.Equal(["Так", "Ні"], proposal.Options);
        Assert.Equal(Question, proposal.Question);
    }

    private async Task<EngineHarness> RegisteredAsync(string user)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, user, "Олена");
        return bot;
    }

    private static async Task ReachSphereAsync(EngineHarness bot, string user)
    {
        await bot.SayAsync(user, "/propose");
        await bot.SayAsync(user, Question);
        await bot.SayAsync(user, "Так\nНі");
        await bot.PressAsync(user, ProposeDialog.Done);
    }

    private static async Task ProposeAsync(EngineHarness bot, string user)
    {
        await ReachSphereAsync(bot, user);
        await bot.PressAsync(user, "sphere:ecology");
    }
}
