using Hromada.Bots.Tests.Api;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Reports;
using Hromada.Core.Residents;
using Hromada.Core.Sweeps;

namespace Hromada.Bots.Tests.Scheduling;

/// <summary>
/// Escalation of problem reports nobody acknowledged for three days, run at a fake time on the real
/// host and store, with "dev:admin" configured as the super-admin. The host starts at 11:00 Kyiv time
/// (09:00 UTC) on 23 November 2026.
/// </summary>
public sealed class ReportEscalationSweepTests : IAsyncDisposable
{
    private static readonly TimeSpan Overdue = TimeSpan.FromDays(3) + TimeSpan.FromHours(1);

    private readonly ApiHost _host = ApiHost.Start(("Admin:SuperAdmins:0", "dev:admin"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_NewReportPastTheDelay_TellsEachModeratorOfItsCommunityOnceInTheirLanguage()
    {
        var report = await ReportAsync("kamianske", filedAgo: Overdue);
        var mykola = await ModeratorAsync("mykola", "kamianske");
        var anna = await ModeratorAsync("anna", "kamianske", Language.En, Role.CommunityAdmin);
        var lviv = await ModeratorAsync("lviv-moderator", "lviv");
        var olena = await _host.ResidentAsync("olena");
        var admin = await _host.ResidentAsync("admin");

        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(15));
        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);

        var toMykola = Assert.Single(await _host.MessagesToAsync(mykola));
        Assert.Equal(Expected(Language.Uk, report), toMykola.Reply.Text);
        var button = Assert.Single(Assert.Single(toMykola.Reply.Buttons));
        Assert.Equal((Texts.Get(Language.Uk, "Issues_OpenReport", report.Number), $"/issues {report.Number}"), (button.Label, button.Data));
        Assert.Equal((OutboxPriority.Reply, null), (toMykola.Priority, toMykola.NotBefore));
        Assert.Equal(Expected(Language.En, report), Assert.Single(await _host.MessagesToAsync(anna)).Reply.Text);
        Assert.Empty(await _host.MessagesToAsync(lviv));
        Assert.Empty(await _host.MessagesToAsync(olena));
        Assert.Empty(await _host.MessagesToAsync(admin));
    }

    [Fact]
    public async Task RunAsync_ReportNotYetDue_WaitsUntilTheDelayPasses()
    {
        await ReportAsync("kamianske", filedAgo: TimeSpan.FromDays(2));
        var mykola = await ModeratorAsync("mykola", "kamianske");

        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);
        var early = await _host.MessagesToAsync(mykola);
        _host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);

        Assert.Empty(early);
        Assert.Single(await _host.MessagesToAsync(mykola));
    }

    [Fact]
    public async Task RunAsync_AcknowledgedOrResolvedReport_IsNotEscalated()
    {
        var acknowledged = await ReportAsync("kamianske", filedAgo: Overdue);
        var resolved = await ReportAsync("kamianske", filedAgo: Overdue);
        var mykola = await ModeratorAsync("mykola", "kamianske");
        await MoveAsync(acknowledged, ReportStatus.Acknowledged, mykola);
        await MoveAsync(resolved, ReportStatus.Resolved, mykola);

        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);

        Assert.Empty(await _host.MessagesToAsync(mykola));
    }

    [Fact]
    public async Task RunAsync_CommunityWithoutModerators_TellsTheSuperAdmins()
    {
        var report = await ReportAsync("lviv", filedAgo: Overdue);
        await ModeratorAsync("mykola", "kamianske");
        var admin = await _host.ResidentAsync("admin", language: Language.En);

        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);

        Assert.Equal(Expected(Language.En, report), Assert.Single(await _host.MessagesToAsync(admin)).Reply.Text);
    }

    [Fact]
    public async Task RunAsync_MissingOrBlockedModerators_SkipsThemAndTellsTheRest()
    {
        await ReportAsync("kamianske", filedAgo: Overdue);
        await _host.Get<IRoleStore>().SaveAsync(new RoleGrant("r-forgotten", "kamianske", Role.Moderator, "dev:admin", ApiHost.StartTime), Ct);
        var blocked = await ModeratorAsync("blocked", "kamianske");
        blocked.BlockedAt = _host.Clock.GetUtcNow();
        await _host.Get<IResidentStore>().SaveAsync(blocked, Ct);
        var mykola = await ModeratorAsync("mykola", "kamianske");
        var admin = await _host.ResidentAsync("admin");

        var ran = await Runner().RunAsync(ReportEscalationSweep.Name, Ct);

        Assert.True(ran);
        Assert.Single(await _host.MessagesToAsync(mykola));
        Assert.Empty(await _host.MessagesToAsync(blocked));
        Assert.Empty(await _host.MessagesToAsync(admin));
    }

    [Fact]
    public async Task RunAsync_NoModeratorCanBeReached_TellsTheSuperAdmins()
    {
        await ReportAsync("kamianske", filedAgo: Overdue);
        var unreachable = await ModeratorAsync("unreachable", "kamianske", reachable: false);
        var admin = await _host.ResidentAsync("admin");

        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);
        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);

        Assert.Empty(await _host.MessagesToAsync(unreachable));
        Assert.Single(await _host.MessagesToAsync(admin));
    }

    [Fact]
    public async Task RunAsync_RestartBetweenDueTimeAndRun_EscalatesOnce()
    {
        await ReportAsync("kamianske", filedAgo: TimeSpan.FromDays(3) - TimeSpan.FromHours(1));
        var mykola = await ModeratorAsync("mykola", "kamianske");
        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);
        var beforeDue = await _host.MessagesToAsync(mykola);

        _host.Clock.Advance(TimeSpan.FromHours(2));
        await _host.Host.RestartAsync();
        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);
        _host.Clock.Advance(TimeSpan.FromMinutes(15));
        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);

        Assert.Empty(beforeDue);
        Assert.Single(await _host.MessagesToAsync(mykola));
    }

    /// <summary>23:00 Kyiv: it has waited three days, it can wait for the moderator's morning.</summary>
    [Fact]
    public async Task RunAsync_InsideTheModeratorsQuietHours_HoldsTheMessageUntilTheyEnd()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero));
        await ReportAsync("kamianske", filedAgo: Overdue);
        var mykola = await ModeratorAsync("mykola", "kamianske");

        await Runner().RunAsync(ReportEscalationSweep.Name, Ct);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), Assert.Single(await _host.MessagesToAsync(mykola)).NotBefore);
    }

    private string Expected(Language language, ProblemReport report) => Texts.Get(
        language,
        "Issues_Escalated",
        report.Number,
        ReportNames.Category(language, report.Category),
        CommunityDirectory.NameOf(_host.Get<CommunityDirectory>().Find(report.CommunityId)!, language),
        KyivTime.Format(report.CreatedAt));

    private Task<ProblemReport> ReportAsync(string communityId, TimeSpan filedAgo) =>
        _host.Get<IReportStore>().AddAsync(
            ProblemReport.File(
                new ProblemReport
                {
                    Id = Guid.NewGuid().ToString("N"),
                    CommunityId = communityId,
                    Category = ReportCategory.Lighting,
                    Description = "Не світить ліхтар біля школи",
                    ReporterId = "r-reporter",
                },
                _host.Clock.GetUtcNow() - filedAgo),
            Ct);

    private async Task MoveAsync(ProblemReport report, ReportStatus status, Resident moderator) =>
        await _host.Get<IReportStore>().UpdateAsync(
            report.Number, stored => stored.MovedTo(status, moderator.Id, null, _host.Clock.GetUtcNow()), Ct);

    private async Task<Resident> ModeratorAsync(
        string userId, string communityId, Language language = Language.Uk, Role role = Role.Moderator, bool reachable = true)
    {
        var resident = await _host.ResidentAsync(userId, communityId, reachable: reachable, language: language);
        await _host.Get<IRoleStore>().SaveAsync(new RoleGrant(resident.Id, communityId, role, "dev:admin", ApiHost.StartTime), Ct);
        return resident;
    }

    private SweepRunner Runner() => _host.Get<SweepRunner>();
}
