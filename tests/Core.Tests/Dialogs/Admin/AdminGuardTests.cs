using System.Text.Json;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Admin;

/// <summary>What every admin dialog shares: the refusal in the sender's language, and the moderation part of /mydata.</summary>
public sealed class AdminGuardTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("/closepoll")]
    [InlineData("/moderate")]
    [InlineData("/block")]
    [InlineData("/unblock")]
    [InlineData("/stats")]
    [InlineData("/grant")]
    [InlineData("/revoke")]
    public async Task AdminCommand_EnglishResidentWithoutARole_RefusedInEnglish(string command)
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "john", "John");
        var john = (await bot.ResidentAsync("john"))!;
        john.Language = Language.En;
        await bot.Residents.SaveAsync(john, CancellationToken.None);

        var reply = Assert.Single(await bot.SayAsync("john", command));

        Assert.Equal(Texts.Get(Language.En, "Admin_Refused"), reply.Text);
        Assert.Null((await bot.SessionAsync("john"))!.Dialog);
        Assert.Equal($"command:{command}", Assert.Single(await bot.AuditAsync()).Target);
    }

    [Fact]
    public async Task MyData_Moderator_ExportsTheirRolesAndWhatTheyDid()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, SuperAdmin, "Адмін");
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        await bot.SayAsync(SuperAdmin, "/grant dev:olena moderator kamianske");

        var reply = Assert.Single(await bot.SayAsync("olena", "/mydata"));

        using var json = JsonDocument.Parse(reply.Document!.Content);
        var moderation = json.RootElement.GetProperty("moderation");
        Assert.Equal("kamianske", moderation.GetProperty("roles")[0].GetProperty("communityId").GetString());
        Assert.Equal("Moderator", moderation.GetProperty("roles")[0].GetProperty("role").GetString());
        Assert.Equal(AuditActions.RoleGranted, moderation.GetProperty("actions")[0].GetProperty("action").GetString());
    }
}
