using System.Text.Json;
using Hromada.Core.Ideas;
using Hromada.Core.Tests.Dialogs;
using Hromada.Core.Tests.Dialogs.Ideas;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Ideas;

public sealed class IdeasPersonalDataTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public async Task MyData_OwnIdeasAndSupports_ExportedUnderIdeasWithoutTheModeratorsIds()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");
        var olena = await bot.IdOfAsync("olena");
        await bot.SeedAsync(IdeaFixtures.Proposed(Now, olena, "own").MovedTo(IdeaStatus.Rejected, Now, "moderator-secret", "Дублікат"));
        await bot.SeedAsync(IdeaFixtures.Published(Now, "r2", "other", title: "Сквер біля школи"));
        await bot.Ideas().SupportAsync("other", olena, Now, CancellationToken.None);
        await bot.Ideas().RateAsync("other", olena, 4, Now, CancellationToken.None);

        var reply = Assert.Single(await bot.SayAsync("olena", "/mydata"));

        var text = System.Text.Encoding.UTF8.GetString(reply.Document!.Content);
        using var json = JsonDocument.Parse(text);
        var ideas = json.RootElement.GetProperty("ideas");
        var own = Assert.Single(ideas.GetProperty("own").EnumerateArray());
        Assert.Equal((IdeaFixtures.Title, "Rejected", "Дублікат"), (own.GetProperty("title").GetString(), own.GetProperty("status").GetString(), own.GetProperty("rejectionReason").GetString()));
        Assert.Equal(["Proposed", "Rejected"], own.GetProperty("history").EnumerateArray().Select(change => change.GetProperty("status").GetString()));
        var supported = Assert.Single(ideas.GetProperty("supported").EnumerateArray());
        Assert.Equal(("other", "Сквер біля школи", 4), (supported.GetProperty("ideaId").GetString(), supported.GetProperty("title").GetString(), supported.GetProperty("rating").GetInt32()));
        Assert.DoesNotContain("moderator-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_NoIdeasNorSupports_ExportsNull()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");

        var reply = Assert.Single(await bot.SayAsync("olena", "/mydata"));

        using var json = JsonDocument.Parse(reply.Document!.Content);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("ideas").ValueKind);
    }
}
