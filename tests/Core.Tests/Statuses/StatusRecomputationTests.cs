using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Core.Statuses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Statuses;

public sealed class StatusRecomputationTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(StatusWorld.Now);

    public void Dispose() => _database.Dispose();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task RecomputeAsync_Participation_StoresOverallAndSphereStatuses()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await SeedFourResidentsAsync(new StatusWorld(bot));

        var recount = await bot.Services<StatusRecomputation>().RecomputeAsync(_time.GetUtcNow(), Ct);

        var olena = await bot.Residents.GetAsync("olena", Ct);
        Assert.Equal(ResidentStatus.OpinionLeader, olena!.Status);
        Assert.Equal(
            new Dictionary<string, ResidentStatus> { ["ecology"] = ResidentStatus.OpinionLeader, ["transport"] = ResidentStatus.Responsible },
            olena.SphereStatuses);
        var ivan = await bot.Residents.GetAsync("ivan", Ct);
        Assert.Equal(ResidentStatus.Responsible, ivan!.Status);
        Assert.Equal(new Dictionary<string, ResidentStatus> { ["ecology"] = ResidentStatus.Responsible }, ivan.SphereStatuses);
        foreach (var unchanged in new[] { "taras", "dana" })
        {
            var resident = await bot.Residents.GetAsync(unchanged, Ct);
            Assert.Equal(ResidentStatus.Registered, resident!.Status);
            Assert.Empty(resident.SphereStatuses);
        }

        Assert.Equal((4, 2, 2), (recount.Residents, recount.Changed, recount.Promoted));
    }

    [Fact]
    public async Task RecomputeAsync_Promotion_ToldOnceInTheResidentsLanguageAndNotAgainOnRerun()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await SeedFourResidentsAsync(new StatusWorld(bot), olenasLanguage: Language.En);
        var recomputation = bot.Services<StatusRecomputation>();

        await recomputation.RecomputeAsync(_time.GetUtcNow(), Ct);
        var rerun = await recomputation.RecomputeAsync(_time.GetUtcNow(), Ct);

        var told = Assert.Single(await bot.Outbox.ListForChatAsync(ChannelKind.Dev, "olena", 0, Ct));
        var expected = Texts.Get(
            Language.En,
            "Status_Promoted",
            string.Join(
                '\n',
                "• " + Texts.Get(Language.En, "Status_PromotedOverall", "Opinion leader"),
                "• " + Texts.Get(Language.En, "Status_PromotedSphere", "Ecology", "Opinion leader")));
        Assert.Equal(expected, told.Reply.Text);
        Assert.Equal(OutboxPriority.Broadcast, told.Priority);
        Assert.Contains(told.Reply.Buttons.SelectMany(row => row), button => button.Data == "/status");
        Assert.Single(await bot.Outbox.ListForChatAsync(ChannelKind.Dev, "ivan", 0, Ct));
        Assert.Equal((4, 0, 0), (rerun.Residents, rerun.Changed, rerun.Promoted));
    }

    [Fact]
    public async Task RecomputeAsync_AtNight_PromotionWaitsForTheEndOfQuietHours()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero)); // 01:00 in Kyiv
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await SeedFourResidentsAsync(new StatusWorld(bot));

        await bot.Services<StatusRecomputation>().RecomputeAsync(_time.GetUtcNow(), Ct);

        var told = Assert.Single(await bot.Outbox.ListForChatAsync(ChannelKind.Dev, "olena", 0, Ct));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), told.NotBefore); // 08:00 in Kyiv
    }

    /// <summary>A run that told but died before storing: the next run the same day finds the promotion again and tells nobody twice.</summary>
    [Fact]
    public async Task RecomputeAsync_RerunAfterStatusesWereNotStored_TellsNobodyTwiceTheSameDay()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await SeedFourResidentsAsync(new StatusWorld(bot));
        var recomputation = bot.Services<StatusRecomputation>();
        await recomputation.RecomputeAsync(_time.GetUtcNow(), Ct);
        var olena = (await bot.Residents.GetAsync("olena", Ct))!;
        olena.Status = ResidentStatus.Registered;
        olena.SphereStatuses = [];
        await bot.Residents.SaveStatusesAsync([olena], Ct);

        var rerun = await recomputation.RecomputeAsync(_time.GetUtcNow(), Ct);

        Assert.Equal((1, 1), (rerun.Changed, rerun.Promoted));
        Assert.Equal(ResidentStatus.OpinionLeader, (await bot.Residents.GetAsync("olena", Ct))!.Status);
        Assert.Single(await bot.Outbox.ListForChatAsync(ChannelKind.Dev, "olena", 0, Ct));
    }

    [Fact]
    public async Task RecomputeAsync_ParticipationDropped_StoresTheLowerStatusesWithoutTelling()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        await world.ResidentAsync("olena", with: resident =>
        {
            resident.Status = ResidentStatus.Responsible;
            resident.SphereStatuses = new() { ["ecology"] = ResidentStatus.LocalExpert };
        });
        await world.PollsAsync(2, spheres: ["ecology"]);

        var recount = await bot.Services<StatusRecomputation>().RecomputeAsync(_time.GetUtcNow(), Ct);

        var olena = await bot.Residents.GetAsync("olena", Ct);
        Assert.Equal(ResidentStatus.Registered, olena!.Status);
        Assert.Empty(olena.SphereStatuses);
        Assert.Equal((1, 0), (recount.Changed, recount.Promoted));
        Assert.Empty(await bot.Outbox.ListForChatAsync(ChannelKind.Dev, "olena", 0, Ct));
    }

    [Fact]
    public async Task RecomputeAsync_OnlyResponsibleInASphere_StoredButNotTold()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        await world.ResidentAsync("olena");
        await world.PollAsync("transport", spheres: ["transport"]);
        await world.PollsAsync(2);
        await world.VoteAsync("transport", "olena", 0);

        var recount = await bot.Services<StatusRecomputation>().RecomputeAsync(_time.GetUtcNow(), Ct);

        var olena = await bot.Residents.GetAsync("olena", Ct);
        Assert.Equal(ResidentStatus.Registered, olena!.Status);
        Assert.Equal(new Dictionary<string, ResidentStatus> { ["transport"] = ResidentStatus.Responsible }, olena.SphereStatuses);
        Assert.Equal((1, 0), (recount.Changed, recount.Promoted));
        Assert.Empty(await bot.Outbox.ListForChatAsync(ChannelKind.Dev, "olena", 0, Ct));
    }

    [Fact]
    public async Task RecomputeAsync_ResidentStillRegistering_LeftOut()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        await world.ResidentAsync("olena", with: resident => resident.RegisteredAt = null);
        var poll = await world.PollAsync("p1");
        await world.VoteAsync(poll.Id, "olena", 0);

        var recount = await bot.Services<StatusRecomputation>().RecomputeAsync(_time.GetUtcNow(), Ct);

        Assert.Equal(0, recount.Residents);
        Assert.Equal(ResidentStatus.Registered, (await bot.Residents.GetAsync("olena", Ct))!.Status);
    }

    /// <summary>
    /// The scale path (all polls, each poll's ballots once, residents page by page, writes in batches of 7)
    /// against the one-resident path of /status, on a random network: both must give every resident the
    /// same statuses. The big size is measured by hand, not here.
    /// </summary>
    [Fact]
    public async Task RecomputeAsync_RandomNetworkInSmallBatches_StoresWhatEachResidentsOwnReadingGives()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        var random = new Random(20261123);
        string[] communities = ["kamianske", "lviv", Community.NationalId];
        string[] spheres = ["ecology", "transport", "education"];
        var polls = new List<Poll>();
        for (var i = 0; i < 12; i++)
        {
            var opens = StatusWorld.Now.AddDays(-random.Next(5, 90));
            polls.Add(await world.PollAsync(
                $"p{i}",
                opensAt: opens,
                closesAt: opens.AddDays(random.Next(3, 30)),
                community: communities[i % 3],
                spheres: [.. spheres.Where(_ => random.Next(3) == 0)],
                type: (PollType)(i % 3)));
        }

        var residents = new List<Resident>();
        for (var i = 0; i < 60; i++)
        {
            var registered = StatusWorld.Now.AddDays(-random.Next(1, 120));
            residents.Add(await world.ResidentAsync($"r{i:D2}", registered, communities[random.Next(2)]));
            var activity = random.NextDouble();
            foreach (var poll in polls.Where(poll => poll.CommunityId == residents[^1].CommunityId || poll.CommunityId == Community.NationalId))
            {
                if (random.NextDouble() < activity && poll.OpensAt < StatusWorld.Now)
                {
                    await world.VoteAsync(poll.Id, residents[^1].Id, random.Next(poll.Type == PollType.Scale ? 5 : 3));
                    if (random.Next(6) == 0)
                    {
                        await world.VoteAsync(poll.Id, residents[^1].Id, random.Next(poll.Type == PollType.Scale ? 5 : 3));
                    }
                }
            }

            for (var month = 9; month <= 11; month++)
            {
                if (random.NextDouble() < activity)
                {
                    await world.ProposeAsync(residents[^1].Id, new DateTimeOffset(2026, month, 3, 0, 0, 0, TimeSpan.Zero), spheres[random.Next(3)]);
                }
            }
        }

        var recount = await ActivatorUtilities.CreateInstance<StatusRecomputation>(bot.Services<IServiceProvider>(), 7).RecomputeAsync(_time.GetUtcNow(), Ct);

        var rules = bot.Services<StatusRules>();
        var reader = bot.Services<ParticipationReader>();
        var changed = 0;
        var promoted = 0;
        foreach (var resident in residents)
        {
            var figures = await reader.ReadAsync(resident, StatusWorld.Now, Ct);
            var stored = (await bot.Residents.GetAsync(resident.Id, Ct))!;
            Assert.Equal(rules.StatusFor(figures.Overall), stored.Status);
            Assert.Equal(
                figures.BySphere.Where(pair => rules.StatusFor(pair.Value) > ResidentStatus.Registered).ToDictionary(pair => pair.Key, pair => rules.StatusFor(pair.Value)),
                stored.SphereStatuses);
            changed += stored.Status > ResidentStatus.Registered || stored.SphereStatuses.Count > 0 ? 1 : 0;
            promoted += stored.Status > ResidentStatus.Registered || stored.SphereStatuses.Values.Any(status => status >= ResidentStatus.LocalExpert) ? 1 : 0;
        }

        Assert.Equal((60, changed, promoted), (recount.Residents, recount.Changed, recount.Promoted));
        Assert.InRange(promoted, 10, changed - 1); // the random network holds every kind
    }

    /// <summary>
    /// Closed ecology polls c1–c4 (everyone who voted chose 0 except taras) and an open transport poll t1.
    /// olena answers all and proposes in ecology monthly; ivan answers three ecology polls; taras and
    /// dana answer too few.
    /// </summary>
    private static async Task SeedFourResidentsAsync(StatusWorld world, Language olenasLanguage = Language.Uk)
    {
        await world.ResidentAsync("olena", language: olenasLanguage);
        await world.ResidentAsync("taras");
        await world.ResidentAsync("ivan");
        await world.ResidentAsync("dana");
        for (var i = 1; i <= 4; i++)
        {
            await world.PollAsync($"c{i}", closesAt: StatusWorld.Now.AddDays(-1), spheres: ["ecology"]);
            await world.VoteAsync($"c{i}", "olena", 0);
        }

        await world.PollAsync("t1", spheres: ["transport"]);
        await world.VoteAsync("t1", "olena", 0);
        await world.ProposeEveryMonthAsync("olena", "ecology");
        await world.VoteAsync("c1", "taras", 1);
        await world.VoteAsync("c2", "taras", 1);
        foreach (var poll in new[] { "c1", "c2", "c3" })
        {
            await world.VoteAsync(poll, "ivan", 0);
        }

        await world.VoteAsync("c4", "dana", 0);
    }
}
