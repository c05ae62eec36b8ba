namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset SweepTime = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan SweepLease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TryAcquireLeaseAsync_NobodyHoldsIt_Acquires()
    {
        var acquired = await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime, SweepTime + SweepLease, Ct);

        Assert.True(acquired);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_AnotherHoldsItUnexpired_Refuses()
    {
        await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime, SweepTime + SweepLease, Ct);

        var acquired = await Sweeps.TryAcquireLeaseAsync("PollClosing", "b", SweepTime.AddMinutes(4), SweepTime.AddMinutes(9), Ct);

        Assert.False(acquired);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_AnothersLeaseEnded_Acquires()
    {
        await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime, SweepTime + SweepLease, Ct);

        var acquired = await Sweeps.TryAcquireLeaseAsync("PollClosing", "b", SweepTime + SweepLease, SweepTime.AddMinutes(10), Ct);
        var backToA = await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime.AddMinutes(6), SweepTime.AddMinutes(11), Ct);

        Assert.True(acquired);
        Assert.False(backToA);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_HolderAgain_Renews()
    {
        await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime, SweepTime + SweepLease, Ct);

        var renewed = await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime.AddMinutes(4), SweepTime.AddMinutes(20), Ct);
        var other = await Sweeps.TryAcquireLeaseAsync("PollClosing", "b", SweepTime.AddMinutes(10), SweepTime.AddMinutes(15), Ct);

        Assert.True(renewed);
        Assert.False(other);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_OtherSweep_IsIndependent()
    {
        await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime, SweepTime + SweepLease, Ct);

        var acquired = await Sweeps.TryAcquireLeaseAsync("PollNudge", "b", SweepTime, SweepTime + SweepLease, Ct);

        Assert.True(acquired);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_TwentyHoldersAtOnce_OneAcquires()
    {
        var results = await RunConcurrentlyAsync(20, i =>
            Sweeps.TryAcquireLeaseAsync("PollClosing", $"holder-{i}", SweepTime, SweepTime + SweepLease, Ct));

        Assert.Equal(1, results.Count(acquired => acquired));
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_TwentyHoldersAtOnceAfterALeaseEnded_OneAcquires()
    {
        await Sweeps.TryAcquireLeaseAsync("PollClosing", "old", SweepTime, SweepTime + SweepLease, Ct);

        var later = SweepTime.AddMinutes(6);
        var results = await RunConcurrentlyAsync(20, i =>
            Sweeps.TryAcquireLeaseAsync("PollClosing", $"holder-{i}", later, later + SweepLease, Ct));

        Assert.Equal(1, results.Count(acquired => acquired));
    }

    [Fact]
    public async Task ReleaseLeaseAsync_Holder_LetsAnotherAcquireAtOnce()
    {
        await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime, SweepTime + SweepLease, Ct);

        await Sweeps.ReleaseLeaseAsync("PollClosing", "a", Ct);

        Assert.True(await Sweeps.TryAcquireLeaseAsync("PollClosing", "b", SweepTime.AddMinutes(1), SweepTime.AddMinutes(6), Ct));
    }

    [Fact]
    public async Task ReleaseLeaseAsync_NotTheHolder_KeepsTheLease()
    {
        await Sweeps.TryAcquireLeaseAsync("PollClosing", "a", SweepTime, SweepTime + SweepLease, Ct);

        await Sweeps.ReleaseLeaseAsync("PollClosing", "b", Ct);

        Assert.False(await Sweeps.TryAcquireLeaseAsync("PollClosing", "b", SweepTime.AddMinutes(1), SweepTime.AddMinutes(6), Ct));
    }

    [Fact]
    public async Task MarkDoneAsync_Twice_IsDoneForThatSweepAndItemOnly()
    {
        await Sweeps.MarkDoneAsync("PollNudge", "p1", SweepTime, Ct);
        await Sweeps.MarkDoneAsync("PollNudge", "p1", SweepTime.AddMinutes(1), Ct);

        Assert.True(await Sweeps.IsDoneAsync("PollNudge", "p1", Ct));
        Assert.False(await Sweeps.IsDoneAsync("PollNudge", "p2", Ct));
        Assert.False(await Sweeps.IsDoneAsync("PollClosing", "p1", Ct));
    }
}
