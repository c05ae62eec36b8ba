using Hromada.Core.Dialogs.Admin.Moderate;
using Hromada.Core.Ideas;
using Hromada.Core.Moderation;
using Hromada.Core.Tests.Dialogs.Polls;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

/// <summary>/moderate for ideas: proposals published or rejected, published ideas moved on to implemented.</summary>
public sealed class ModerateIdeasTests : IDisposable
{
    private const string Title = "Велопарковка біля ліцею";

    private readonly ModerationSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task Moderate_ProposedIdeaPublished_TellsTheAuthorAndAudits()
    {
        await using var bot = await _setup.StartAsync("mykola", "taras");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        var idea = await ProposeAsync(bot, "taras", "kamianske");

        var list = Assert.Single(await bot.SayAsync("mykola", "/moderate"));
        var details = Assert.Single(await bot.PressAsync("mykola", ModerateDialog.IdeaPrefix + idea.Id));
        var done = Assert.Single(await bot.PressAsync("mykola", ModerateDialog.Approve));

        Assert.Equal(Text("Moderate_List", 1), list.Text);
        Assert.Equal([ModerateDialog.IdeaPrefix + idea.Id], list.AllButtons().Select(button => button.Data));
        Assert.Contains(Text("Moderate_IdeaDetails", Text("IdeaStatus_Proposed"), "Кам'янське", Text("Sphere_ecology"), "Тарас", "23.11.2026 11:00"), details.Text);
        Assert.Equal([ModerateDialog.Approve, ModerateDialog.Reject], details.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Moderate_IdeaDecided", Text("IdeaStatus_Published")), done.Text);
        Assert.Equal(IdeaStatus.Published, (await Ideas(bot).GetAsync(idea.Id, CancellationToken.None))!.Status);
        Assert.Equal(Text("Ideas_NoticePublished", Title), Assert.Single(await bot.NewRepliesAsync("taras")).Text);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.IdeaPublished, $"idea:{idea.Id}", "{\"status\":\"proposed\"}"), (audited.Action, audited.Target, audited.Before));
    }

    [Fact]
    public async Task Moderate_ProposedIdeaRejected_RepromptsATooShortReasonThenTellsTheAuthorWhyAndAudits()
    {
        await using var bot = await _setup.StartAsync(SuperAdmin, "taras");
        var idea = await ProposeAsync(bot, "taras", "kamianske");
        await bot.SayAsync(SuperAdmin, "/moderate");
        await bot.PressAsync(SuperAdmin, ModerateDialog.IdeaPrefix + idea.Id);

        var askReason = Assert.Single(await bot.PressAsync(SuperAdmin, ModerateDialog.Reject));
        var tooShort = Assert.Single(await bot.SayAsync(SuperAdmin, "ні"));
        var done = Assert.Single(await bot.SayAsync(SuperAdmin, "Така ідея вже виконується."));

        Assert.Equal(Text("Moderate_AskReason"), askReason.Text);
        Assert.Equal($"{Text("Problem_ReasonLength")}\n\n{Text("Moderate_AskReason")}", tooShort.Text);
        Assert.Equal(Text("Moderate_IdeaDecided", Text("IdeaStatus_Rejected")), done.Text);
        Assert.Equal("Така ідея вже виконується.", (await Ideas(bot).GetAsync(idea.Id, CancellationToken.None))!.RejectionReason);
        Assert.Equal(Text("Ideas_NoticeRejected", Title, "Така ідея вже виконується."), Assert.Single(await bot.NewRepliesAsync("taras")).Text);
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal(AuditActions.IdeaRejected, audited.Action);
        Assert.Contains("Така ідея вже виконується.", audited.After);
    }

    [Fact]
    public async Task Moderate_PublishedIdea_MovesStepByStepToImplementedTellingTheAuthorEachTime()
    {
        await using var bot = await _setup.StartAsync("mykola", "taras");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        var idea = await ProposeAsync(bot, "taras", "kamianske");
        await Ideas(bot).SaveAsync(idea.MovedTo(IdeaStatus.Published, _setup.Time.GetUtcNow(), "moderator"), CancellationToken.None);

        var labels = new List<string>();
        foreach (var _ in new[] { IdeaStatus.UnderConsideration, IdeaStatus.Accepted, IdeaStatus.Implemented })
        {
            var list = Assert.Single(await bot.SayAsync("mykola", "/moderate"));
            Assert.Contains(Text("Moderate_IdeasInProgress", 1), list.Text);
            var details = Assert.Single(await bot.PressAsync("mykola", ModerateDialog.IdeaPrefix + idea.Id));
            labels.Add(Assert.Single(details.AllButtons()).Label);
            await bot.PressAsync("mykola", ModerateDialog.Advance);
        }

        var finished = Assert.Single(await bot.SayAsync("mykola", "/moderate"));

        Assert.Equal(
            [Text("Moderate_MoveTo", Text("IdeaStatus_UnderConsideration")), Text("Moderate_MoveTo", Text("IdeaStatus_Accepted")), Text("Moderate_MoveTo", Text("IdeaStatus_Implemented"))],
            labels);
        Assert.Equal(Text("Moderate_Empty"), finished.Text);
        Assert.Equal(IdeaStatus.Implemented, (await Ideas(bot).GetAsync(idea.Id, CancellationToken.None))!.Status);
        Assert.Equal(3, (await bot.NewRepliesAsync("taras")).Count);
        Assert.Equal([AuditActions.IdeaMoved, AuditActions.IdeaMoved, AuditActions.IdeaMoved], (await bot.AuditAsync()).Select(entry => entry.Action));
        Assert.Contains("\"status\":\"implemented\"", (await bot.AuditAsync())[^1].After);
    }

    [Fact]
    public async Task Moderate_IdeaOfAnotherCommunity_NotListedAndAPressRefusedAndAudited()
    {
        await using var bot = await _setup.StartAsync("mykola", "taras");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        await ProposeAsync(bot, "taras", "kamianske");
        var lviv = await ProposeAsync(bot, "taras", "lviv");

        var list = Assert.Single(await bot.SayAsync("mykola", "/moderate"));
        var crafted = Assert.Single(await bot.PressAsync("mykola", ModerateDialog.IdeaPrefix + lviv.Id));

        Assert.DoesNotContain(ModerateDialog.IdeaPrefix + lviv.Id, list.AllButtons().Select(button => button.Data));
        Assert.StartsWith(Text("Problem_ProposalUnavailable"), crafted.Text);
        Assert.Equal(IdeaStatus.Proposed, (await Ideas(bot).GetAsync(lviv.Id, CancellationToken.None))!.Status);
        var refused = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, $"command:{IdeaDecisions.ModerateAttempt}", "lviv"), (refused.Action, refused.Target, refused.CommunityId));
    }

    [Fact]
    public async Task Moderate_ProposalOfABlockedAuthor_NotListedAndACraftedPressPublishesNothing()
    {
        await using var bot = await _setup.StartAsync("mykola", "taras", "olena");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");
        var visible = await ProposeAsync(bot, "olena", "kamianske");
        var hidden = await ProposeAsync(bot, "taras", "kamianske");
        var taras = (await bot.ResidentAsync("taras"))!;
        taras.BlockedAt = _setup.Time.GetUtcNow();
        await bot.Residents.SaveAsync(taras, CancellationToken.None);

        var list = Assert.Single(await bot.SayAsync("mykola", "/moderate"));
        var crafted = Assert.Single(await bot.PressAsync("mykola", ModerateDialog.IdeaPrefix + hidden.Id));
        await bot.PressAsync("mykola", ModerateDialog.Approve);

        Assert.Equal([ModerateDialog.IdeaPrefix + visible.Id], list.AllButtons().Select(button => button.Data));
        Assert.StartsWith(Text("Problem_ProposalUnavailable"), crafted.Text);
        Assert.Equal(IdeaStatus.Proposed, (await Ideas(bot).GetAsync(hidden.Id, CancellationToken.None))!.Status);
        Assert.Empty(await bot.AuditAsync());
    }

    private static IIdeaStore Ideas(EngineHarness bot) => bot.Services<IIdeaStore>();

    private async Task<Idea> ProposeAsync(EngineHarness bot, string user, string communityId)
    {
        var idea = Idea.Propose(
            Guid.NewGuid().ToString("N"), communityId, "ecology", Title, "Поставити велопарковку на двадцять місць біля входу.", null,
            await bot.IdOfAsync(user), _setup.Time.GetUtcNow());
        await Ideas(bot).SaveAsync(idea, CancellationToken.None);
        return idea;
    }
}
