using Hromada.Core.Conversations;
using Hromada.Core.Polls;

namespace Hromada.Core.Tests.Dialogs.Polls;

/// <summary>Polls stored straight into the real store, and what a test reads back of ballots.</summary>
internal static class PollFixtures
{
    public const string Question = "Чи потрібні нові лавки в парку Воронцова?";

    public static Poll Open(DateTimeOffset now, string id = "p1", string communityId = "kamianske") => new()
    {
        Id = id,
        CommunityId = communityId,
        Spheres = ["housing"],
        Question = Question,
        Options = ["Так", "Ні", "Байдуже"],
        Status = PollStatus.Open,
        OpensAt = now.AddHours(-1),
        ClosesAt = now.AddDays(7),
        CreatedAt = now.AddHours(-2),
    };

    public static async Task<Poll> SeedAsync(this EngineHarness bot, Poll poll)
    {
        await bot.Services<IPollStore>().SaveAsync(poll, CancellationToken.None);
        return poll;
    }

    public static async Task<Ballot?> BallotAsync(this EngineHarness bot, string pollId, string user)
    {
        var resident = await bot.ResidentAsync(user);
        return await bot.Services<IBallotStore>().FindAsync(pollId, resident!.Id, CancellationToken.None);
    }

    public static Task<PollTally> TallyAsync(this EngineHarness bot, Poll poll) =>
        bot.Services<IBallotStore>().TallyAsync(poll, CancellationToken.None);

    public static IEnumerable<ReplyButton> AllButtons(this OutboundReply reply) => reply.Buttons.SelectMany(row => row);
}
