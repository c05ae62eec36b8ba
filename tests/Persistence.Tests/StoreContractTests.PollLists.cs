using Hromada.Core.Polls;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ListAsync_StatusAtNow_ClosedIncludesOpenPastItsClosingTime()
    {
        await Polls.SaveAsync(OpenPoll("open"), Ct);
        await Polls.SaveAsync(OpenPoll("due", closesAt: VoteTime.AddMinutes(-1)), Ct);
        await Polls.SaveAsync(OpenPoll("closed") with { Status = PollStatus.Closed }, Ct);
        await Polls.SaveAsync(OpenPoll("proposed") with { Status = PollStatus.Proposed, OpensAt = null, ClosesAt = null }, Ct);

        var open = await Polls.ListAsync(["kamianske"], PollStatus.Open, VoteTime, 0, 10, Ct);
        var closed = await Polls.ListAsync(["kamianske"], PollStatus.Closed, VoteTime, 0, 10, Ct);
        var proposed = await Polls.ListAsync(["kamianske"], PollStatus.Proposed, VoteTime, 0, 10, Ct);

        Assert.Equal(["open"], open.Select(poll => poll.Id));
        Assert.Equal(["closed", "due"], closed.Select(poll => poll.Id).Order());
        Assert.Equal(["proposed"], proposed.Select(poll => poll.Id));
    }

    [Fact]
    public async Task ListAsync_PagesOfTheCommunities_NewestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await Polls.SaveAsync(OpenPoll($"k{i}") with { CreatedAt = VoteTime.AddHours(-10 + i) }, Ct);
        }

        await Polls.SaveAsync(OpenPoll("lviv", communityId: "lviv") with { CreatedAt = VoteTime.AddHours(-1) }, Ct);
        await Polls.SaveAsync(OpenPoll("odesa", communityId: "odesa"), Ct);

        var first = await Polls.ListAsync(["kamianske", "lviv"], null, VoteTime, 0, 3, Ct);
        var second = await Polls.ListAsync(["kamianske", "lviv"], null, VoteTime, 3, 3, Ct);

        Assert.Equal(["lviv", "k4", "k3"], first.Select(poll => poll.Id));
        Assert.Equal(["k2", "k1", "k0"], second.Select(poll => poll.Id));
    }

    [Fact]
    public async Task ListOpenClosingByAsync_StoredOpenOnly_ClosingSoonestFirst()
    {
        await Polls.SaveAsync(OpenPoll("later", closesAt: VoteTime.AddHours(2)), Ct);
        await Polls.SaveAsync(OpenPoll("past", closesAt: VoteTime.AddHours(-3)), Ct);
        await Polls.SaveAsync(OpenPoll("soon", closesAt: VoteTime.AddHours(1), communityId: "lviv"), Ct);
        await Polls.SaveAsync(OpenPoll("beyond", closesAt: VoteTime.AddHours(5)), Ct);
        await Polls.SaveAsync(OpenPoll("closed", closesAt: VoteTime.AddHours(-1)) with { Status = PollStatus.Closed }, Ct);

        var due = await Polls.ListOpenClosingByAsync(VoteTime.AddHours(2), Ct);

        Assert.Equal(["past", "soon", "later"], due.Select(poll => poll.Id));
    }
}
