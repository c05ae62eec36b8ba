using Hromada.Core.ApiKeys;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.ApiKeys;

/// <summary>/apikey delivered or pressed more than once: one key, one revocation.</summary>
public sealed class ApiKeyDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    /// <summary>A platform that redelivers an update sends the same update id: the inbox takes it once.</summary>
    [Fact]
    public async Task Create_SameUpdateDeliveredTwice_CreatesOneKeyAndAnswersOnce()
    {
        await using var bot = await StartAsync();
        var create = Message(SuperAdmin, "/apikey create kamianske Сайт");
        var created = Assert.Single(await bot.SendAsync(create));

        var acceptedAgain = await bot.Worker.AcceptAsync(create, CancellationToken.None);
        await bot.WaitUntilHandledAsync();

        Assert.False(acceptedAgain);
        Assert.Empty(await bot.NewRepliesAsync(SuperAdmin));
        var key = Assert.Single(await bot.Services<ApiKeyRegistry>().ListAsync(CancellationToken.None));
        Assert.Contains(key.Id, created.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ButtonPressedTwice_KeepsTheFirstRevocation()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync(SuperAdmin, "/apikey create lviv");
        var revoke = Assert.Single(Assert.Single(await bot.SayAsync(SuperAdmin, "/apikey list")).AllButtons()).Data;
        var first = Assert.Single(await bot.PressAsync(SuperAdmin, revoke));
        var revokedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));

        var second = Assert.Single(await bot.PressAsync(SuperAdmin, revoke));

        var key = Assert.Single(await bot.Services<ApiKeyRegistry>().ListAsync(CancellationToken.None));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(Text("ApiKey_Revoked", key.Id), second.Text);
        Assert.Equal(revokedAt, key.RevokedAt);
    }

    private async Task<EngineHarness> StartAsync()
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, SuperAdmin, "Адмін");
        return bot;
    }
}
