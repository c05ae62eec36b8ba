using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Core.Tests.Statuses;

/// <summary>Residents, polls, ballots and proposals stored straight into a harness's real stores, at chosen times.</summary>
internal sealed class StatusWorld(EngineHarness bot)
{
    /// <summary>The harness's clock in these tests: residents registered on 1 September have Sep, Oct and Nov as their proposal months.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset September = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => CancellationToken.None;

    /// <summary>A registered resident reachable in the dev chat as <paramref name="id"/>.</summary>
    public async Task<Resident> ResidentAsync(
        string id, DateTimeOffset? registeredAt = null, string community = "kamianske", Language language = Language.Uk, Action<Resident>? with = null)
    {
        var at = registeredAt ?? September;
        var resident = new Resident
        {
            Id = id,
            Identities = [new ChannelIdentity(ChannelKind.Dev, id, id)],
            Name = "Олена",
            CommunityId = community,
            Spheres = ["ecology"],
            Language = language,
            CreatedAt = at,
            ConsentedAt = at,
            RegisteredAt = at,
        };
        with?.Invoke(resident);
        await bot.Residents.SaveAsync(resident, Ct);
        return resident;
    }

    /// <summary>A poll put to the vote from <paramref name="opensAt"/> (default: October) until <paramref name="closesAt"/> (default: open a week more).</summary>
    public async Task<Poll> PollAsync(
        string id,
        DateTimeOffset? opensAt = null,
        DateTimeOffset? closesAt = null,
        string community = "kamianske",
        string[]? spheres = null,
        PollType type = PollType.SingleChoice)
    {
        var opens = opensAt ?? new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var poll = new Poll
        {
            Id = id,
            CommunityId = community,
            Spheres = spheres ?? [],
            Question = $"Питання {id}?",
            Options = type == PollType.Scale ? Poll.ScaleOptions(5) : ["Так", "Ні", "Байдуже"],
            Type = type,
            MaxChoices = type == PollType.MultipleChoice ? 2 : 1,
            Status = PollStatus.Open,
            OpensAt = opens,
            ClosesAt = closesAt ?? Now.AddDays(7),
            CreatedAt = opens.AddHours(-1),
        };
        await bot.Services<IPollStore>().SaveAsync(poll, Ct);
        return poll;
    }

    /// <summary>Polls open now, ids prefix1 … prefixN.</summary>
    public async Task<IReadOnlyList<Poll>> PollsAsync(int count, string prefix = "p", string[]? spheres = null)
    {
        var polls = new List<Poll>();
        for (var i = 1; i <= count; i++)
        {
            polls.Add(await PollAsync($"{prefix}{i}", spheres: spheres));
        }

        return polls;
    }

    public Task<Ballot> VoteAsync(string pollId, string residentId, params int[] choices) =>
        bot.Services<IBallotStore>().CastAsync(pollId, residentId, choices, Now.AddDays(-1), Ct);

    /// <summary>Votes one option, then another: a ballot with one change.</summary>
    public async Task<Ballot> VoteAndChangeAsync(string pollId, string residentId)
    {
        await VoteAsync(pollId, residentId, 0);
        return await VoteAsync(pollId, residentId, 1);
    }

    /// <summary>A poll proposal by the resident, made at <paramref name="at"/>, waiting for moderation.</summary>
    public Task ProposeAsync(string residentId, DateTimeOffset at, params string[] spheres) =>
        bot.Services<IPollStore>().SaveAsync(
            new Poll
            {
                Id = $"proposal-{residentId}-{at:yyyyMMddHHmm}",
                CommunityId = "kamianske",
                Spheres = spheres,
                Question = "Запропоноване питання?",
                Options = ["Так", "Ні"],
                Status = PollStatus.Proposed,
                AuthorResidentId = residentId,
                CreatedAt = at,
            },
            Ct);

    /// <summary>A proposal in each of September, October and November.</summary>
    public async Task ProposeEveryMonthAsync(string residentId, params string[] spheres)
    {
        foreach (var month in new[] { 9, 10, 11 })
        {
            await ProposeAsync(residentId, new DateTimeOffset(2026, month, 5, 10, 0, 0, TimeSpan.Zero), spheres);
        }
    }
}
