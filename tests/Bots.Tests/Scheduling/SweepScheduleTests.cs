using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Polls;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hromada.Bots.Tests.Scheduling;

/// <summary>Quartz in the real host: it runs the sweeps by itself, one scheduler per host.</summary>
public sealed class SweepScheduleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The wall clock here: Quartz keeps its triggers by the host's clock, so under a fake one it would
    /// wait for the test. The sweeps' logic at a fake time is tested through the runner.
    /// </summary>
    [Fact]
    public async Task Scheduler_On_ClosesADuePollByItself()
    {
        await using var host = TestHost.Start(("Scheduling:Intervals:PollClosing", "00:00:01"));
        var polls = host.Services.GetRequiredService<IPollStore>();
        var now = DateTimeOffset.UtcNow;
        await polls.SaveAsync(
            new Poll
            {
                Id = "p1", CommunityId = "kamianske", Question = "Чи потрібен сквер?", Options = ["Так", "Ні"],
                Status = PollStatus.Open, OpensAt = now.AddDays(-1), ClosesAt = now.AddSeconds(1), CreatedAt = now.AddDays(-1),
            },
            Ct);

        var closed = await Eventually.ResultAsync(() => polls.GetAsync("p1", Ct), poll => poll?.Status == PollStatus.Closed);

        Assert.Equal(PollStatus.Closed, closed?.Status);
    }

    [Fact]
    public async Task Scheduler_TwoHostsInOneProcess_EachHasItsOwnScheduler()
    {
        await using var first = TestHost.Start();
        await using var second = TestHost.Start();

        var firstScheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var secondScheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);

        Assert.NotEqual(firstScheduler.SchedulerName, secondScheduler.SchedulerName);
        Assert.StartsWith("hromada-", firstScheduler.SchedulerName, StringComparison.Ordinal);
    }
}
