using Hromada.Core.Dialogs.Admin.Moderate;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Tests.Dialogs.Polls;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

public sealed class ModerateDialogTests : IDisposable
{
    private const string Proposed = "Чи потрібна велодоріжка на набережній?";

    private readonly ModerationSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task Moderate_Approved_OpensUntilTheChosenTimeTellsTheAuthorAndAudits()
    {
        await using var bot = await _setup.StartAsync("mykola", "taras");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await ProposeAsync(bot, "taras");
        var proposal = Assert.Single(await bot.Services<IPollStore>().ListProposedAsync(CancellationToken.None));

        var list = Assert.Single(await bot.SayAsync("mykola", "/moderate"));
        var decision = Assert.Single(await bot.PressAsync("mykola", ModerateDialog.ProposalPrefix + proposal.Id));
        var closing = Assert.Single(await bot.PressAsync("mykola", ModerateDialog.Approve));
        var done = Assert.Single(await bot.PressAsync("mykola", "closes:3"));

        var now = _setup.Time.GetUtcNow();
        Assert.Equal(Text("Moderate_List", 1), list.Text);
        Assert.Contains(Proposed, decision.Text);
        Assert.Contains("1. Так\n2. Ні", decision.Text);
        Assert.Contains(Text("Moderate_Details", Text("Sphere_transport"), "Тарас", KyivTime.Format(now)), decision.Text);
        Assert.Equal([ModerateDialog.Approve, ModerateDialog.Reject], decision.AllButtons().Select(button => button.Data));
        Assert.StartsWith(Text("Admin_AskClosingTime", "30.11.2026 11:00"), closing.Text);
        Assert.Equal(Text("Moderate_Approved", "26.11.2026 11:00"), done.Text);
        var opened = await bot.Services<IPollStore>().GetAsync(proposal.Id, CancellationToken.None);
        Assert.Equal((PollStatus.Open, now, now.AddDays(3)), (opened!.Status, opened.OpensAt, opened.ClosesAt));
        Assert.Equal(Text("Moderate_ApprovedNotice", Proposed, "26.11.2026 11:00"), Assert.Single(await bot.NewRepliesAsync("taras")).Text);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.PollApproved, $"poll:{proposal.Id}"), (audited.Action, audited.Target));
        Assert.Contains("\"status\":\"proposed\"", audited.Before);
        Assert.Contains("\"status\":\"open\"", audited.After);
    }

    [Fact]
    public async Task Moderate_RejectedWithAReason_TellsTheAuthorWhyAndAudits()
    {
        await using var bot = await _setup.StartAsync(SuperAdmin, "taras");
        await ProposeAsync(bot, "taras");
        var proposal = Assert.Single(await bot.Services<IPollStore>().ListProposedAsync(CancellationToken.None));
        await bot.SayAsync(SuperAdmin, "/moderate");
        await bot.PressAsync(SuperAdmin, ModerateDialog.ProposalPrefix + proposal.Id);

        var askReason = Assert.Single(await bot.PressAsync(SuperAdmin, ModerateDialog.Reject));
        var tooShort = Assert.Single(await bot.SayAsync(SuperAdmin, "ні"));
        var done = Assert.Single(await bot.SayAsync(SuperAdmin, "Таке опитування вже триває."));

        Assert.Equal(Text("Moderate_AskReason"), askReason.Text);
        Assert.Equal($"{Text("Problem_ReasonLength")}\n\n{Text("Moderate_AskReason")}", tooShort.Text);
        Assert.Equal(Text("Moderate_Rejected"), done.Text);
        Assert.Equal(["/moderate", "/menu"], done.AllButtons().Select(button => button.Data));
        Assert.Equal(PollStatus.Rejected, (await bot.Services<IPollStore>().GetAsync(proposal.Id, CancellationToken.None))!.Status);
        Assert.Equal(Text("Moderate_RejectedNotice", Proposed, "Таке опитування вже триває."), Assert.Single(await bot.NewRepliesAsync("taras")).Text);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal(AuditActions.PollRejected, audited.Action);
        Assert.Contains("Таке опитування вже триває.", audited.After);
    }

    [Fact]
    public async Task Moderate_ProposalsOfAnotherCommunityAndOfABlockedResident_NotInTheQueue()
    {
        await using var bot = await _setup.StartAsync("mykola", "taras", "petro");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await ProposeAsync(bot, "taras");
        await bot.SeedAsync(PollFixtures.Open(_setup.Time.GetUtcNow(), "lviv-proposal", "lviv") with { Status = PollStatus.Proposed });
        var petro = (await bot.ResidentAsync("petro"))!;
        await bot.SeedAsync(PollFixtures.Open(_setup.Time.GetUtcNow(), "blocked-proposal") with { Status = PollStatus.Proposed, AuthorResidentId = petro.Id });
        petro.BlockedAt = _setup.Time.GetUtcNow();
        await bot.Residents.SaveAsync(petro, CancellationToken.None);

        var list = Assert.Single(await bot.SayAsync("mykola", "/moderate"));
        var crafted = Assert.Single(await bot.PressAsync("mykola", ModerateDialog.ProposalPrefix + "blocked-proposal"));

        var taras = Assert.Single(await bot.Services<IPollStore>().ListProposedAsync(CancellationToken.None), poll => poll.AuthorResidentId != petro.Id && poll.CommunityId == "kamianske");
        Assert.Equal([ModerateDialog.ProposalPrefix + taras.Id], list.AllButtons().Select(button => button.Data));
        Assert.StartsWith(Text("Problem_ProposalUnavailable"), crafted.Text);
    }

    [Fact]
    public async Task Moderate_EmptyQueue_SaysSoAndEnds()
    {
        await using var bot = await _setup.StartAsync(SuperAdmin);

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "/moderate"));

        Assert.Equal(Text("Moderate_Empty"), reply.Text);
        Assert.Null((await bot.SessionAsync(SuperAdmin))!.Dialog);
    }

    [Fact]
    public async Task Moderate_NotAModerator_RefusedAndAudited()
    {
        await using var bot = await _setup.StartAsync("taras");

        var reply = Assert.Single(await bot.SayAsync("taras", "/moderate"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Equal("command:/moderate", Assert.Single(await bot.AuditAsync()).Target);
    }

    [Fact]
    public async Task Cancel_AtTheClosingTime_LeavesTheProposalWaiting()
    {
        await using var bot = await _setup.StartAsync(SuperAdmin, "taras");
        await ProposeAsync(bot, "taras");
        var proposal = Assert.Single(await bot.Services<IPollStore>().ListProposedAsync(CancellationToken.None));
        await bot.SayAsync(SuperAdmin, "/moderate");
        await bot.PressAsync(SuperAdmin, ModerateDialog.ProposalPrefix + proposal.Id);
        await bot.PressAsync(SuperAdmin, ModerateDialog.Approve);

        await bot.SayAsync(SuperAdmin, "/cancel");

        Assert.Equal(PollStatus.Proposed, (await bot.Services<IPollStore>().GetAsync(proposal.Id, CancellationToken.None))!.Status);
        Assert.Empty(await bot.NewRepliesAsync("taras"));
    }

    /// <summary>The resident proposes through /propose, as residents do.</summary>
    private static async Task ProposeAsync(EngineHarness bot, string user)
    {
        await bot.SayAsync(user, "/propose");
        await bot.SayAsync(user, Proposed);
        await bot.SayAsync(user, "Так\nНі");
        await bot.PressAsync(user, "done");
        await bot.PressAsync(user, "sphere:transport");
        await bot.NewRepliesAsync(user);
    }
}
