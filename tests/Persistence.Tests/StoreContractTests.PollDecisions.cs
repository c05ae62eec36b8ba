using Hromada.Core.Polls;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static Poll Proposal(string id) =>
        OpenPoll(id) with { Status = PollStatus.Proposed, OpensAt = null, ClosesAt = null, AuthorResidentId = "r1" };

    [Fact]
    public async Task TryChangeStatusAsync_StoredStatusAsExpected_ReplacesThePoll()
    {
        await Polls.SaveAsync(Proposal("p1"), Ct);
        var opened = Proposal("p1") with { Status = PollStatus.Open, OpensAt = VoteTime, ClosesAt = VoteTime.AddDays(7) };

        var changed = await Polls.TryChangeStatusAsync(opened, PollStatus.Proposed, Ct);

        Assert.True(changed);
        var found = await Polls.GetAsync("p1", Ct);
        Assert.Equal((PollStatus.Open, VoteTime, VoteTime.AddDays(7)), (found?.Status, found?.OpensAt, found?.ClosesAt));
    }

    [Fact]
    public async Task TryChangeStatusAsync_StatusChangedMeanwhileOrUnknownPoll_WritesNothing()
    {
        await Polls.SaveAsync(Proposal("p1") with { Status = PollStatus.Rejected }, Ct);

        var changed = await Polls.TryChangeStatusAsync(Proposal("p1") with { Status = PollStatus.Open }, PollStatus.Proposed, Ct);
        var unknown = await Polls.TryChangeStatusAsync(Proposal("p2") with { Status = PollStatus.Open }, PollStatus.Proposed, Ct);

        Assert.False(changed);
        Assert.False(unknown);
        Assert.Equal(PollStatus.Rejected, (await Polls.GetAsync("p1", Ct))?.Status);
        Assert.Null(await Polls.GetAsync("p2", Ct));
    }

    [Fact]
    public async Task TryChangeStatusAsync_HundredConcurrentDecisionsOfOneProposal_ExactlyOneIsStored()
    {
        await Polls.SaveAsync(Proposal("p1"), Ct);

        var results = await RunConcurrentlyAsync(100, i => Polls.TryChangeStatusAsync(
            Proposal("p1") with { Status = i % 2 == 0 ? PollStatus.Open : PollStatus.Rejected, Question = $"Decision {i}?" },
            PollStatus.Proposed,
            Ct));

        var winner = Array.IndexOf(results, true);
        Assert.Single(results, changed => changed);
        var found = await Polls.GetAsync("p1", Ct);
        Assert.Equal(($"Decision {winner}?", winner % 2 == 0 ? PollStatus.Open : PollStatus.Rejected), (found?.Question, found?.Status));
    }
}
