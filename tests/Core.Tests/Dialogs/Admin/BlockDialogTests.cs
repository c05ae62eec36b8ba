using Hromada.Core.Dialogs.Admin.Block;
using Hromada.Core.Moderation;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

public sealed class BlockDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Block_Wizard_BlocksAuditsAndTheResidentGetsOnlyThePoliteAnswer()
    {
        await using var bot = await StartAsync("mykola", "taras");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");

        var ask = Assert.Single(await bot.SayAsync("mykola", "/block"));
        var confirm = Assert.Single(await bot.SayAsync("mykola", "dev:taras"));
        var done = Assert.Single(await bot.PressAsync("mykola", "confirm"));
        var polls = await bot.SayAsync("taras", "/polls");
        var text = await bot.SayAsync("taras", "привіт");

        Assert.Equal(Text("Block_AskResident"), ask.Text);
        Assert.Equal(Text("Block_Confirm", "Тарас (Кам'янське)"), confirm.Text);
        Assert.Equal(["confirm", "/cancel"], confirm.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Block_Done", "Тарас (Кам'янське)"), done.Text);
        Assert.Equal(Text("Engine_Blocked"), Assert.Single(polls).Text);
        Assert.Equal(Text("Engine_Blocked"), Assert.Single(text).Text);
        Assert.Equal(_time.GetUtcNow(), (await bot.ResidentAsync("taras"))!.BlockedAt);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.ResidentBlocked, $"resident:{await bot.IdOfAsync("taras")}", "kamianske"), (audited.Action, audited.Target, audited.CommunityId));
        Assert.Contains("\"blocked\":false", audited.Before);
        Assert.Contains("\"blocked\":true", audited.After);
    }

    [Fact]
    public async Task Block_ResidentInTheMiddleOfADialog_LeavesIt()
    {
        await using var bot = await StartAsync(SuperAdmin, "taras");
        await bot.SayAsync("taras", "/propose");
        await bot.SayAsync(SuperAdmin, "/block dev:taras");
        await bot.PressAsync(SuperAdmin, "confirm");

        var reply = Assert.Single(await bot.SayAsync("taras", "Чи потрібна нова зупинка?"));

        Assert.Equal(Text("Engine_Blocked"), reply.Text);
        Assert.Null((await bot.SessionAsync("taras"))!.Dialog);
    }

    [Fact]
    public async Task MyData_BlockedResident_StillGetsTheirData()
    {
        await using var bot = await StartAsync(SuperAdmin, "taras");
        await BlockAsync(bot, "taras");

        var reply = Assert.Single(await bot.SayAsync("taras", "/mydata"));

        Assert.Equal(Text("MyData_Text"), reply.Text);
        using var json = System.Text.Json.JsonDocument.Parse(reply.Document!.Content);
        Assert.Equal("Тарас", json.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Forget_BlockedResidentConfirms_DeletesTheirData()
    {
        await using var bot = await StartAsync(SuperAdmin, "taras");
        await BlockAsync(bot, "taras");

        var ask = Assert.Single(await bot.SayAsync("taras", "/forget"));
        var done = Assert.Single(await bot.PressAsync("taras", "confirm"));

        Assert.Equal(Text("Forget_Ask"), ask.Text);
        Assert.Equal(Text("Forget_Done"), done.Text);
        Assert.Null(await bot.ResidentAsync("taras"));
    }

    [Fact]
    public async Task Forget_BlockedResidentTurnsToAnotherCommand_RefusedAndLeavesTheDialog()
    {
        await using var bot = await StartAsync(SuperAdmin, "taras");
        await BlockAsync(bot, "taras");
        await bot.SayAsync("taras", "/forget");

        var profile = Assert.Single(await bot.SayAsync("taras", "/profile"));
        var confirm = Assert.Single(await bot.PressAsync("taras", "confirm"));

        Assert.Equal(Text("Engine_Blocked"), profile.Text);
        Assert.Equal(Text("Engine_Blocked"), confirm.Text);
        Assert.True((await bot.ResidentAsync("taras"))!.IsBlocked);
    }

    [Fact]
    public async Task Unblock_OneLine_LetsTheResidentBackAndAudits()
    {
        await using var bot = await StartAsync(SuperAdmin, "taras");
        await bot.SayAsync(SuperAdmin, "/block dev:taras");
        await bot.PressAsync(SuperAdmin, "confirm");

        var confirm = Assert.Single(await bot.SayAsync(SuperAdmin, "/unblock dev:taras"));
        var done = Assert.Single(await bot.PressAsync(SuperAdmin, "confirm"));
        var menu = Assert.Single(await bot.SayAsync("taras", "/menu"));

        Assert.Equal(Text("Unblock_Confirm", "Тарас (Кам'янське)"), confirm.Text);
        Assert.Equal(Text("Unblock_Done", "Тарас (Кам'янське)"), done.Text);
        Assert.Equal(Text("Menu_Title"), menu.Text);
        Assert.Equal([AuditActions.ResidentBlocked, AuditActions.ResidentUnblocked], (await bot.AuditAsync()).Select(entry => entry.Action));
    }

    [Fact]
    public async Task Block_ModeratorOfAnotherCommunity_RefusedAndAudited()
    {
        await using var bot = await StartAsync("mykola", "taras");
        await bot.GrantAsync("mykola", Role.Moderator, "lviv");
        await bot.SayAsync("mykola", "/block dev:taras");

        var reply = Assert.Single(await bot.PressAsync("mykola", "confirm"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.False((await bot.ResidentAsync("taras"))!.IsBlocked);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, $"command:{ResidentBlocks.BlockAttempt}", "kamianske"), (audited.Action, audited.Target, audited.CommunityId));
    }

    [Fact]
    public async Task Block_AModerator_ProtectedAndNothingChanges()
    {
        await using var bot = await StartAsync("mykola", "olena");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await bot.GrantAsync("olena", Role.Moderator, "kamianske");
        await bot.SayAsync("mykola", "/block dev:olena");

        var reply = Assert.Single(await bot.PressAsync("mykola", "confirm"));

        Assert.Equal(Text("Block_Protected"), reply.Text);
        Assert.False((await bot.ResidentAsync("olena"))!.IsBlocked);
        Assert.Empty(await bot.AuditAsync());
    }

    [Fact]
    public async Task Block_NotAModerator_RefusedAndAudited()
    {
        await using var bot = await StartAsync("taras", "olena");

        var reply = Assert.Single(await bot.SayAsync("taras", "/block dev:olena"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Equal("command:/block", Assert.Single(await bot.AuditAsync()).Target);
    }

    [Fact]
    public async Task TextReceived_UnknownResident_RepromptsAndStays()
    {
        await using var bot = await StartAsync(SuperAdmin);

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "/block viber:nobody"));

        Assert.Equal($"{Text("Problem_ResidentNotFound")}\n\n{Text("Block_AskResident")}", reply.Text);
        Assert.Equal(nameof(BlockState.AwaitingResident), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    private static async Task BlockAsync(EngineHarness bot, string user)
    {
        await bot.SayAsync(SuperAdmin, $"/block dev:{user}");
        await bot.PressAsync(SuperAdmin, "confirm");
    }

    private async Task<EngineHarness> StartAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, user == "taras" ? "Тарас" : "Олена");
        }

        return bot;
    }
}
