using Hromada.Core.Residents;
using Hromada.Core.Statuses;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Statuses;

public sealed class StatusSweepTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(StatusWorld.Now);

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(1, 1, ResidentStatus.Responsible)] // 03:30 in Kyiv
    [InlineData(12, 0, ResidentStatus.Registered)] // 14:30 in Kyiv
    public async Task RunAsync_KyivHour_RecomputesInTheNightHourOnly(int utcHour, int changed, ResidentStatus expected)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        var world = new StatusWorld(bot);
        await world.ResidentAsync("olena");
        await world.PollAsync("p1");
        await world.VoteAsync("p1", "olena", 0);
        var sweep = new StatusSweep(bot.Services<StatusRecomputation>());

        var handled = await sweep.RunAsync(new DateTimeOffset(2026, 11, 23, utcHour, 30, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(changed, handled);
        Assert.Equal(expected, (await bot.Residents.GetAsync("olena", CancellationToken.None))!.Status);
    }
}
