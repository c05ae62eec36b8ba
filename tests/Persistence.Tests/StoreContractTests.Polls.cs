using Hromada.Core.Communities;
using Hromada.Core.Polls;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset VoteTime = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);

    protected static Poll OpenPoll(string id, string communityId = "kamianske", DateTimeOffset? closesAt = null) => new()
    {
        Id = id,
        CommunityId = communityId,
        Question = $"Question {id}?",
        Options = ["Так", "Ні"],
        Status = PollStatus.Open,
        OpensAt = VoteTime.AddDays(-1),
        ClosesAt = closesAt ?? VoteTime.AddDays(6),
        CreatedAt = VoteTime.AddDays(-2),
    };

    [Fact]
    public async Task GetAsync_SavedPoll_ReturnsEveryField()
    {
        var poll = new Poll
        {
            Id = "p1",
            CommunityId = Community.NationalId,
            Spheres = ["ecology", "energy"],
            Question = "Які кроки енергозбереження важливі до 2030 року?",
            Options = ["Утеплення", "Сонячні панелі", "Лічильники"],
            Type = PollType.MultipleChoice,
            MaxChoices = 2,
            Kind = PollKind.Strategic,
            Horizon = "2026–2030",
            OpensAt = VoteTime,
            ClosesAt = VoteTime.AddDays(7),
            Status = PollStatus.Open,
            AuthorResidentId = "r1",
            CreatedAt = VoteTime.AddMinutes(-5),
        };
        await Polls.SaveAsync(poll, Ct);

        var found = await Polls.GetAsync("p1", Ct);

        Assert.NotNull(found);
        Assert.Equal(poll.Spheres, found.Spheres);
        Assert.Equal(poll.Options, found.Options);
        Assert.Equal(poll with { Spheres = found.Spheres, Options = found.Options }, found);
    }

    [Fact]
    public async Task GetAsync_ProposalWithoutDates_ReturnsNullDates()
    {
        await Polls.SaveAsync(OpenPoll("p1") with { Status = PollStatus.Proposed, OpensAt = null, ClosesAt = null, Horizon = null }, Ct);

        var found = await Polls.GetAsync("p1", Ct);

        Assert.Equal((PollStatus.Proposed, null, null), (found?.Status, found?.OpensAt, found?.ClosesAt));
    }

    [Fact]
    public async Task GetAsync_UnknownPollId_ReturnsNull()
    {
        await Polls.SaveAsync(OpenPoll("p1"), Ct);

        var found = await Polls.GetAsync("p404", Ct);

        Assert.Null(found);
    }

    [Fact]
    public async Task SaveAsync_ExistingId_ReplacesIt()
    {
        await Polls.SaveAsync(OpenPoll("p1"), Ct);

        await Polls.SaveAsync(OpenPoll("p1") with { Status = PollStatus.Closed }, Ct);

        Assert.Equal(PollStatus.Closed, (await Polls.GetAsync("p1", Ct))?.Status);
    }

    [Fact]
    public async Task ListOpenAsync_MixedPolls_ReturnsOpenOnesOfTheCommunitiesClosingSoonestFirst()
    {
        await Polls.SaveAsync(OpenPoll("later", closesAt: VoteTime.AddDays(5)), Ct);
        await Polls.SaveAsync(OpenPoll("sooner", closesAt: VoteTime.AddDays(1)), Ct);
        await Polls.SaveAsync(OpenPoll("national", Community.NationalId, VoteTime.AddDays(3)), Ct);
        await Polls.SaveAsync(OpenPoll("other-community", "lviv"), Ct);
        await Polls.SaveAsync(OpenPoll("past-closing-time", closesAt: VoteTime), Ct);
        await Polls.SaveAsync(OpenPoll("not-yet-open") with { OpensAt = VoteTime.AddHours(1) }, Ct);
        await Polls.SaveAsync(OpenPoll("closed") with { Status = PollStatus.Closed }, Ct);
        await Polls.SaveAsync(OpenPoll("proposed") with { Status = PollStatus.Proposed }, Ct);
        await Polls.SaveAsync(OpenPoll("rejected") with { Status = PollStatus.Rejected }, Ct);

        var open = await Polls.ListOpenAsync(["kamianske", Community.NationalId], VoteTime, Ct);

        Assert.Equal(["sooner", "national", "later"], open.Select(poll => poll.Id));
    }

    [Fact]
    public async Task ListProposedAsync_MixedPolls_ReturnsProposalsOldestFirst()
    {
        await Polls.SaveAsync(OpenPoll("newer") with { Status = PollStatus.Proposed, CreatedAt = VoteTime }, Ct);
        await Polls.SaveAsync(OpenPoll("older") with { Status = PollStatus.Proposed, CreatedAt = VoteTime.AddDays(-1) }, Ct);
        await Polls.SaveAsync(OpenPoll("open"), Ct);
        await Polls.SaveAsync(OpenPoll("rejected") with { Status = PollStatus.Rejected }, Ct);

        var proposed = await Polls.ListProposedAsync(Ct);

        Assert.Equal(["older", "newer"], proposed.Select(poll => poll.Id));
    }
}
