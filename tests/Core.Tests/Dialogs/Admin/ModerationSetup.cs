using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Dialogs.Admin;

/// <summary>
/// The set-up /moderate tests share: a temp database, a clock stopped on a Monday morning, and a
/// harness with the named residents onboarded (taras as "Тарас", anyone else as "Олена") and their
/// onboarding replies already read, so a test sees only what its own steps produce.
/// </summary>
internal sealed class ModerationSetup : IDisposable
{
    private readonly TempDatabase _database = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public async Task<EngineHarness> StartAsync(params string[] users)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, Time);
        foreach (var user in users)
        {
            await OnboardingDialogTests.OnboardAsync(bot, user, user == "taras" ? "Тарас" : "Олена");
            await bot.NewRepliesAsync(user);
        }

        return bot;
    }

    public void Dispose() => _database.Dispose();
}
