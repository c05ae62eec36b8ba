using Hromada.Core.Events;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task AnswerAsync_FirstAnswer_StoresIt()
    {
        var rsvp = await Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.Going, EventTime, Ct);

        var found = await Rsvps.FindAsync("e1", "r1", Ct);

        Assert.Equal(new Rsvp("e1", "r1", RsvpAnswer.Going, EventTime), rsvp);
        Assert.Equal(rsvp, found);
        Assert.Equal(1, await Rsvps.CountGoingAsync("e1", Ct));
    }

    [Fact]
    public async Task AnswerAsync_SameAnswerAgain_KeepsTheFirstAnswer()
    {
        await Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.Going, EventTime, Ct);

        var again = await Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.Going, EventTime.AddHours(1), Ct);

        Assert.Equal(EventTime, again.AnsweredAt);
        Assert.Equal(EventTime, (await Rsvps.FindAsync("e1", "r1", Ct))?.AnsweredAt);
        Assert.Equal(1, await Rsvps.CountGoingAsync("e1", Ct));
    }

    [Fact]
    public async Task AnswerAsync_OtherAnswer_ReplacesItAndTheCountFollows()
    {
        await Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.Going, EventTime, Ct);
        await Rsvps.AnswerAsync("e1", "r2", RsvpAnswer.Going, EventTime, Ct);

        var changed = await Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.NotGoing, EventTime.AddHours(1), Ct);

        Assert.Equal(new Rsvp("e1", "r1", RsvpAnswer.NotGoing, EventTime.AddHours(1)), changed);
        Assert.Equal(changed, await Rsvps.FindAsync("e1", "r1", Ct));
        Assert.Equal(1, await Rsvps.CountGoingAsync("e1", Ct));
        Assert.Equal(["r2"], await Rsvps.ListGoingAsync("e1", Ct));
    }

    [Fact]
    public async Task AnswerAsync_HundredConcurrentAnswersByOneResident_LeavesOneAnswer()
    {
        await RunConcurrentlyAsync(100, _ => Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.Going, EventTime, Ct));

        var going = await Rsvps.ListGoingAsync("e1", Ct);

        Assert.Equal(["r1"], going);
        Assert.Equal(1, await Rsvps.CountGoingAsync("e1", Ct));
        Assert.Single(await Rsvps.ListByResidentAsync("r1", Ct));
    }

    [Fact]
    public async Task AnswerAsync_HundredConcurrentDifferingAnswersByOneResident_LeavesOneAnswerTheCountAgrees()
    {
        await RunConcurrentlyAsync(100, i => Rsvps.AnswerAsync("e1", "r1", i % 2 == 0 ? RsvpAnswer.Going : RsvpAnswer.NotGoing, EventTime, Ct));

        var stored = await Rsvps.FindAsync("e1", "r1", Ct);

        Assert.NotNull(stored);
        Assert.Single(await Rsvps.ListByResidentAsync("r1", Ct));
        Assert.Equal(stored.Answer == RsvpAnswer.Going ? 1 : 0, await Rsvps.CountGoingAsync("e1", Ct));
    }

    [Fact]
    public async Task CountGoingAsync_ConcurrentAnswersByManyResidents_EqualsTheGoingAnswers()
    {
        await RunConcurrentlyAsync(90, i => Rsvps.AnswerAsync("e1", $"r{i % 30:00}", i % 3 == 0 ? RsvpAnswer.NotGoing : RsvpAnswer.Going, EventTime, Ct));

        var count = await Rsvps.CountGoingAsync("e1", Ct);

        var answers = new List<Rsvp>();
        for (var resident = 0; resident < 30; resident++)
        {
            answers.Add((await Rsvps.FindAsync("e1", $"r{resident:00}", Ct))!);
        }

        var going = answers.Where(a => a.Answer == RsvpAnswer.Going).Select(a => a.ResidentId).ToList();
        Assert.Equal(going.Count, count);
        Assert.Equal(going, await Rsvps.ListGoingAsync("e1", Ct));
    }

    [Fact]
    public async Task ListGoingAsync_MixedAnswersAndEvents_ReturnsTheEventsGoingResidentsAscending()
    {
        await Rsvps.AnswerAsync("e1", "r3", RsvpAnswer.Going, EventTime, Ct);
        await Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.Going, EventTime, Ct);
        await Rsvps.AnswerAsync("e1", "r2", RsvpAnswer.NotGoing, EventTime, Ct);
        await Rsvps.AnswerAsync("e2", "r4", RsvpAnswer.Going, EventTime, Ct);

        var going = await Rsvps.ListGoingAsync("e1", Ct);

        Assert.Equal(["r1", "r3"], going);
        Assert.Equal(2, await Rsvps.CountGoingAsync("e1", Ct));
        Assert.Equal(0, await Rsvps.CountGoingAsync("e3", Ct));
    }

    [Fact]
    public async Task ListByResidentAsync_AnswersAboutSeveralEvents_ReturnsOnlyTheResidentsOldestFirst()
    {
        await Rsvps.AnswerAsync("e2", "r1", RsvpAnswer.NotGoing, EventTime.AddHours(2), Ct);
        await Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.Going, EventTime, Ct);
        await Rsvps.AnswerAsync("e1", "r2", RsvpAnswer.Going, EventTime, Ct);

        var answers = await Rsvps.ListByResidentAsync("r1", Ct);

        Assert.Equal(
            [new Rsvp("e1", "r1", RsvpAnswer.Going, EventTime), new Rsvp("e2", "r1", RsvpAnswer.NotGoing, EventTime.AddHours(2))],
            answers);
    }

    [Fact]
    public async Task FindAsync_AnotherResidentsAnswer_ReturnsNull()
    {
        await Rsvps.AnswerAsync("e1", "r1", RsvpAnswer.Going, EventTime, Ct);

        var found = await Rsvps.FindAsync("e1", "r2", Ct);

        Assert.Null(found);
    }
}
