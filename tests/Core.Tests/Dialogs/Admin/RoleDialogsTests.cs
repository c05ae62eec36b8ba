using Hromada.Core.Dialogs.Admin.Roles;
using Hromada.Core.Moderation;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

/// <summary>/grant and /revoke end to end: the wizard, the one-line form, the rules, the audit.</summary>
public sealed class RoleDialogsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Grant_WizardBySuperAdmin_GrantsAndAuditsBeforeAndAfter()
    {
        await using var bot = await StartAsync(SuperAdmin, "olena");

        var askWho = Assert.Single(await bot.SayAsync(SuperAdmin, "/grant"));
        var askRole = Assert.Single(await bot.SayAsync(SuperAdmin, "dev:olena"));
        var askCommunity = Assert.Single(await bot.PressAsync(SuperAdmin, "role:CommunityAdmin"));
        var found = Assert.Single(await bot.SayAsync(SuperAdmin, "кам'ян"));
        var done = Assert.Single(await bot.PressAsync(SuperAdmin, "community:kamianske"));

        Assert.Equal(Text("Grant_AskResident"), askWho.Text);
        Assert.Equal(Text("Grant_AskRole", "Олена (Кам'янське)"), askRole.Text);
        Assert.Equal(["role:Moderator", "role:CommunityAdmin"], askRole.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Grant_AskCommunity"), askCommunity.Text);
        Assert.Contains(found.AllButtons(), button => button.Data == "community:kamianske");
        Assert.Equal(Text("Grant_Done", "Олена (Кам'янське)", Text("Role_CommunityAdmin"), "Кам'янське"), done.Text);
        var olena = await bot.IdOfAsync("olena");
        var grant = Assert.Single(await bot.Services<IRoleStore>().ListForResidentAsync(olena, CancellationToken.None));
        Assert.Equal((Role.CommunityAdmin, "kamianske", "dev:admin"), (grant.Role, grant.CommunityId, grant.GrantedBy));
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal(
            (AuditActions.RoleGranted, $"resident:{olena}", "kamianske", null, "communityAdmin", "dev:admin"),
            (audited.Action, audited.Target, audited.CommunityId, audited.Before, audited.After, audited.Actor.Id));
    }

    [Fact]
    public async Task Grant_OneLine_GrantsAtOnce()
    {
        await using var bot = await StartAsync(SuperAdmin, "olena");

        var done = Assert.Single(await bot.SayAsync(SuperAdmin, "/grant dev:olena moderator kamianske"));

        Assert.Equal(Text("Grant_Done", "Олена (Кам'янське)", Text("Role_Moderator"), "Кам'янське"), done.Text);
        Assert.Equal(Role.Moderator, Assert.Single(await bot.Services<IRoleStore>().ListForResidentAsync(await bot.IdOfAsync("olena"), CancellationToken.None)).Role);
        Assert.Null((await bot.SessionAsync(SuperAdmin))!.Dialog);
    }

    [Fact]
    public async Task Grant_OneLineChangingTheRole_AuditsTheRoleBefore()
    {
        await using var bot = await StartAsync(SuperAdmin, "olena");
        await bot.SayAsync(SuperAdmin, "/grant dev:olena moderator kamianske");

        await bot.SayAsync(SuperAdmin, "/grant dev:olena admin Кам'янське");

        var audited = await bot.AuditAsync();
        Assert.Equal(("moderator", "communityAdmin"), (audited[^1].Before, audited[^1].After));
    }

    [Theory]
    [InlineData("/grant dev:nobody moderator kamianske", "Problem_ResidentNotFound")]
    [InlineData("/grant dev:olena boss kamianske", "Problem_RoleUnknown")]
    [InlineData("/grant dev:olena moderator Атлантида", "Problem_CommunityNotFound")]
    public async Task Grant_OneLineWithAWrongPart_SaysWhichAndHowAndGrantsNothing(string line, string problem)
    {
        await using var bot = await StartAsync(SuperAdmin, "olena");

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, line));

        Assert.Equal($"{Text(problem)}\n\n{Text("Grant_Usage")}", reply.Text);
        Assert.Empty(await bot.Services<IRoleStore>().ListForResidentAsync(await bot.IdOfAsync("olena"), CancellationToken.None));
    }

    [Fact]
    public async Task TextReceived_UnknownResident_RepromptsAndStays()
    {
        await using var bot = await StartAsync(SuperAdmin);
        await bot.SayAsync(SuperAdmin, "/grant");

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "telegram:404"));

        Assert.Equal($"{Text("Problem_ResidentNotFound")}\n\n{Text("Grant_AskResident")}", reply.Text);
        Assert.Equal(nameof(GrantState.AwaitingResident), (await bot.SessionAsync(SuperAdmin))!.State);
    }

    [Fact]
    public async Task Grant_ByVerifiedPhone_FindsTheResident()
    {
        await using var bot = await StartAsync(SuperAdmin, "olena");
        var olena = (await bot.ResidentAsync("olena"))!;
        olena.Phone = "+380501234567";
        olena.PhoneVerified = true;
        await bot.Residents.SaveAsync(olena, CancellationToken.None);
        await bot.SayAsync(SuperAdmin, "/grant");

        var askRole = Assert.Single(await bot.SayAsync(SuperAdmin, "+380 50 123-45-67"));

        Assert.Equal(Text("Grant_AskRole", "Олена (Кам'янське)"), askRole.Text);
    }

    [Fact]
    public async Task Grant_CommunityAdmin_OffersOnlyModeratorInTheirCommunities()
    {
        await using var bot = await StartAsync("iryna", "olena");
        await bot.GrantAsync("iryna", Role.CommunityAdmin, "kamianske");
        await bot.SayAsync("iryna", "/grant");

        var askRole = Assert.Single(await bot.SayAsync("iryna", "dev:olena"));
        var askCommunity = Assert.Single(await bot.PressAsync("iryna", "role:Moderator"));
        var done = Assert.Single(await bot.PressAsync("iryna", "community:kamianske"));

        Assert.Equal(["role:Moderator"], askRole.AllButtons().Select(button => button.Data));
        Assert.Equal(["community:kamianske"], askCommunity.AllButtons().Select(button => button.Data));
        Assert.StartsWith(Text("Grant_Done", "Олена (Кам'янське)", Text("Role_Moderator"), "Кам'янське"), done.Text);
    }

    [Fact]
    public async Task Grant_CommunityAdminInAnotherCommunity_RefusedAndAudited()
    {
        await using var bot = await StartAsync("iryna", "olena");
        await bot.GrantAsync("iryna", Role.CommunityAdmin, "kamianske");

        var reply = Assert.Single(await bot.SayAsync("iryna", "/grant dev:olena moderator lviv"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Empty(await bot.Services<IRoleStore>().ListForResidentAsync(await bot.IdOfAsync("olena"), CancellationToken.None));
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.Refused, $"command:{RoleGrants.GrantAttempt}", "lviv", "dev:iryna"), (audited.Action, audited.Target, audited.CommunityId, audited.Actor.Id));
    }

    [Fact]
    public async Task Grant_CommunityAdminGivingTheAdminRole_Refused()
    {
        await using var bot = await StartAsync("iryna", "olena");
        await bot.GrantAsync("iryna", Role.CommunityAdmin, "kamianske");

        var reply = Assert.Single(await bot.SayAsync("iryna", "/grant dev:olena admin kamianske"));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Empty(await bot.Services<IRoleStore>().ListForResidentAsync(await bot.IdOfAsync("olena"), CancellationToken.None));
    }

    [Theory]
    [InlineData("/grant")]
    [InlineData("/revoke dev:olena kamianske")]
    public async Task RoleCommand_Moderator_RefusedBecauseOnlyAdminsGrant(string command)
    {
        await using var bot = await StartAsync("mykola", "olena");
        await bot.GrantAsync("mykola", Role.Moderator, "kamianske");

        var reply = Assert.Single(await bot.SayAsync("mykola", command));

        Assert.Equal(Text("Admin_Refused"), reply.Text);
        Assert.Equal(AuditActions.Refused, Assert.Single(await bot.AuditAsync()).Action);
    }

    [Fact]
    public async Task Revoke_Wizard_ListsWhatMayBeRevokedAndRevokes()
    {
        await using var bot = await StartAsync(SuperAdmin, "olena");
        await bot.GrantAsync("olena", Role.Moderator, "kamianske");
        await bot.GrantAsync("olena", Role.CommunityAdmin, "lviv");

        var askWho = Assert.Single(await bot.SayAsync(SuperAdmin, "/revoke"));
        var askGrant = Assert.Single(await bot.SayAsync(SuperAdmin, "dev:olena"));
        var done = Assert.Single(await bot.PressAsync(SuperAdmin, "grant:lviv"));

        Assert.Equal(Text("Revoke_AskResident"), askWho.Text);
        Assert.Equal(["grant:kamianske", "grant:lviv"], askGrant.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Revoke_Done", "Олена (Кам'янське)", "Львів"), done.Text);
        Assert.Equal(["kamianske"], (await bot.Services<IRoleStore>().ListForResidentAsync(await bot.IdOfAsync("olena"), CancellationToken.None)).Select(grant => grant.CommunityId));
        var audited = Assert.Single(await bot.AuditAsync());
        Assert.Equal((AuditActions.RoleRevoked, "lviv", "communityAdmin", null), (audited.Action, audited.CommunityId, audited.Before, audited.After));
    }

    [Fact]
    public async Task Revoke_CommunityAdmin_MayTakeAModeratorsRoleButNotAnotherAdmins()
    {
        await using var bot = await StartAsync("iryna", "olena", "petro");
        await bot.GrantAsync("iryna", Role.CommunityAdmin, "kamianske");
        await bot.GrantAsync("olena", Role.Moderator, "kamianske");
        await bot.GrantAsync("petro", Role.CommunityAdmin, "kamianske");

        var revoked = Assert.Single(await bot.SayAsync("iryna", "/revoke dev:olena kamianske"));
        var refused = Assert.Single(await bot.SayAsync("iryna", "/revoke dev:petro kamianske"));
        await bot.SayAsync("iryna", "/revoke");
        var nothing = Assert.Single(await bot.SayAsync("iryna", "dev:petro"));

        Assert.Equal(Text("Revoke_Done", "Олена (Кам'янське)", "Кам'янське"), revoked.Text);
        Assert.Equal(Text("Admin_Refused"), refused.Text);
        Assert.Equal($"{Text("Problem_NoRoleToRevoke")}\n\n{Text("Revoke_AskResident")}", nothing.Text);
        Assert.Single(await bot.Services<IRoleStore>().ListForResidentAsync(await bot.IdOfAsync("petro"), CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_OneLineRoleNotHeld_SaysNothingChanged()
    {
        await using var bot = await StartAsync(SuperAdmin, "olena");

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "/revoke dev:olena kamianske"));

        Assert.Equal(Text("Admin_NotFound"), reply.Text);
        Assert.Empty(await bot.AuditAsync());
    }

    [Fact]
    public async Task Cancel_DuringGrant_GrantsNothing()
    {
        await using var bot = await StartAsync(SuperAdmin, "olena");
        await bot.SayAsync(SuperAdmin, "/grant");
        await bot.SayAsync(SuperAdmin, "dev:olena");

        var reply = Assert.Single(await bot.SayAsync(SuperAdmin, "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Empty(await bot.Services<IRoleStore>().ListForResidentAsync(await bot.IdOfAsync("olena"), CancellationToken.None));
    }

    private async Task<EngineHarness> StartAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, user == SuperAdmin ? "Адмін" : "Олена");
        }

        return bot;
    }
}
