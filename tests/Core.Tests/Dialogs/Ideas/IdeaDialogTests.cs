using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Ideas;
using Hromada.Core.Ideas;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Ideas;

public sealed class IdeaDialogTests : IDisposable
{
    private const string Photo = "AgACAgIAAxkBAAIBQ2ZfPhoto";

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Idea_AllStepsWithPhoto_StoresAProposalAndSaysItWentToTheModerators()
    {
        await using var bot = await RegisteredAsync("olena");

        var askTitle = Assert.Single(await bot.SayAsync("olena", "/idea"));
        var askText = Assert.Single(await bot.SayAsync("olena", $"  {IdeaFixtures.Title}  "));
        var askSphere = Assert.Single(await bot.SayAsync("olena", IdeaFixtures.Text));
        var askPhoto = Assert.Single(await bot.PressAsync("olena", "sphere:transport"));
        var preview = Assert.Single(await bot.SendAsync(PhotoMessage("olena")));
        var sent = Assert.Single(await bot.PressAsync("olena", "confirm"));

        Assert.Equal(Text("Idea_AskTitle"), askTitle.Text);
        Assert.Equal(Text("Idea_AskText"), askText.Text);
        Assert.Equal(Text("Idea_AskSphere"), askSphere.Text);
        Assert.Equal(20, askSphere.AllButtons().Count());
        Assert.Equal(Text("Idea_AskPhoto"), askPhoto.Text);
        Assert.Equal([IdeaDialog.SkipPhoto], askPhoto.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Idea_Preview", IdeaFixtures.Title, IdeaFixtures.Text, Text("Sphere_transport"), "Кам'янське"), preview.Text);
        Assert.Equal(Photo, preview.PhotoUrl);
        Assert.Equal(["confirm", "/cancel"], preview.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Idea_Sent"), sent.Text);
        Assert.Contains(sent.AllButtons(), button => button.Data == "/ideas");
        var idea = Assert.Single(await bot.Ideas().ListProposedAsync(CancellationToken.None));
        var author = await bot.IdOfAsync("olena");
        Assert.Equal(
            (IdeaFixtures.Title, IdeaFixtures.Text, "transport", "kamianske", Photo, author, IdeaStatus.Proposed),
            (idea.Title, idea.Text, idea.Sphere, idea.CommunityId, idea.PhotoId, idea.AuthorResidentId, idea.Status));
        Assert.Equal((_time.GetUtcNow(), _time.GetUtcNow()), (idea.CreatedAt, idea.UpdatedAt));
        Assert.Equal([new IdeaStatusChange(IdeaStatus.Proposed, _time.GetUtcNow(), author)], idea.History);
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task OptionChosen_SkipPhoto_PreviewsAndStoresWithoutPhoto()
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachPhotoAsync(bot, "olena");

        var preview = Assert.Single(await bot.PressAsync("olena", IdeaDialog.SkipPhoto));
        await bot.PressAsync("olena", "confirm");

        Assert.Null(preview.PhotoUrl);
        Assert.StartsWith(Text("Idea_Preview", IdeaFixtures.Title, IdeaFixtures.Text, Text("Sphere_ecology"), "Кам'янське"), preview.Text);
        Assert.Null(Assert.Single(await bot.Ideas().ListProposedAsync(CancellationToken.None)).PhotoId);
    }

    [Fact]
    public async Task Idea_ResidentOfTheNationalLevel_ProposesForTheNationalLevel()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, "taras", "Тарас", community: "ukraine");

        await ReachPhotoAsync(bot, "taras");
        await bot.PressAsync("taras", IdeaDialog.SkipPhoto);
        await bot.PressAsync("taras", "confirm");

        Assert.Equal("ukraine", Assert.Single(await bot.Ideas().ListProposedAsync(CancellationToken.None)).CommunityId);
    }

    [Theory]
    [InlineData("Парк")]
    [InlineData("     ")]
    [InlineData("Дуже довга назва, яка не вміщається у сто двадцять символів, бо автор вирішив розповісти все про свою ідею просто в заголовку")]
    public async Task TextReceived_TitleOfWrongLength_RepromptsWithTheLimitsAndStays(string title)
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/idea");

        var reply = Assert.Single(await bot.SayAsync("olena", title));

        Assert.Equal($"{Text("Problem_IdeaTitleLength")}\n\n{Text("Idea_AskTitle")}", reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingTitle), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task TextReceived_TitleOnTwoLines_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/idea");

        var reply = Assert.Single(await bot.SayAsync("olena", "Велодоріжка\nвздовж набережної"));

        Assert.StartsWith(Text("Problem_IdeaTitleOneLine"), reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingTitle), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_AtTitle_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/idea");

        var reply = Assert.Single(await bot.PressAsync("olena", "sphere:ecology"));

        Assert.Equal($"{Text("Problem_UnexpectedInput")}\n\n{Text("Idea_AskTitle")}", reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingTitle), (await bot.SessionAsync("olena"))!.State);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(2001)]
    public async Task TextReceived_DescriptionOfWrongLength_RepromptsWithTheLimitsAndStays(int length)
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/idea");
        await bot.SayAsync("olena", IdeaFixtures.Title);

        var reply = Assert.Single(await bot.SayAsync("olena", new string('д', length)));

        Assert.Equal($"{Text("Problem_IdeaTextLength")}\n\n{Text("Idea_AskText")}", reply.Text);
        var session = await bot.SessionAsync("olena");
        Assert.Equal(nameof(IdeaState.AwaitingText), session!.State);
        Assert.False(session.Data.ContainsKey("text"));
    }

    [Fact]
    public async Task PhotoReceived_AtDescription_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/idea");
        await bot.SayAsync("olena", IdeaFixtures.Title);

        var reply = Assert.Single(await bot.SendAsync(PhotoMessage("olena")));

        Assert.Equal($"{Text("Problem_UnexpectedInput")}\n\n{Text("Idea_AskText")}", reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingText), (await bot.SessionAsync("olena"))!.State);
    }

    [Theory]
    [InlineData(null, "sphere:space")]
    [InlineData("Транспорт", null)]
    public async Task Message_AtSphereNotASphereButton_RefusedAndStays(string? text, string? button)
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/idea");
        await bot.SayAsync("olena", IdeaFixtures.Title);
        await bot.SayAsync("olena", IdeaFixtures.Text);

        var reply = Assert.Single(await bot.SendAsync(Message("olena", text, button)));

        Assert.Equal($"{Text("Problem_UnexpectedInput")}\n\n{Text("Idea_AskSphere")}", reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingSphere), (await bot.SessionAsync("olena"))!.State);
    }

    [Theory]
    [InlineData("Ось фото")]
    [InlineData(null)]
    public async Task TextReceived_AtPhoto_AsksForAPictureAndStays(string? text)
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachPhotoAsync(bot, "olena");

        var reply = Assert.Single(await bot.SendAsync(Message("olena", text)));

        Assert.Equal($"{Text("Problem_IdeaPhotoOnly")}\n\n{Text("Idea_AskPhoto")}", reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingPhoto), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task LocationReceived_AtPhoto_AsksForAPictureAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachPhotoAsync(bot, "olena");

        var reply = Assert.Single(await bot.SendAsync(Message("olena") with { Location = new GeoPoint(48.51, 34.61) }));

        Assert.StartsWith(Text("Problem_IdeaPhotoOnly"), reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingPhoto), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_AtPhotoAnotherButton_RefusedAndStays()
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachPhotoAsync(bot, "olena");

        var reply = Assert.Single(await bot.PressAsync("olena", "sphere:ecology"));

        Assert.Equal($"{Text("Problem_UnexpectedInput")}\n\n{Text("Idea_AskPhoto")}", reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingPhoto), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task TextReceived_AtConfirmation_ShowsThePreviewAgainAndStoresNothing()
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachPhotoAsync(bot, "olena");
        await bot.PressAsync("olena", IdeaDialog.SkipPhoto);

        var reply = Assert.Single(await bot.SayAsync("olena", "Так"));

        Assert.StartsWith($"{Text("Problem_UnexpectedInput")}\n\n{Text("Idea_Preview", IdeaFixtures.Title, IdeaFixtures.Text, Text("Sphere_ecology"), "Кам'янське")}", reply.Text);
        Assert.Equal(nameof(IdeaState.AwaitingConfirmation), (await bot.SessionAsync("olena"))!.State);
        Assert.Empty(await bot.Ideas().ListProposedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_AtPhoto_StoresNothingAndForgetsTheDraft()
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachPhotoAsync(bot, "olena");

        var reply = Assert.Single(await bot.SayAsync("olena", "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Empty(await bot.Ideas().ListProposedAsync(CancellationToken.None));
        var session = await bot.SessionAsync("olena");
        Assert.Null(session!.Dialog);
        Assert.Empty(session.Data);
    }

    [Fact]
    public async Task Cancel_ButtonUnderThePreview_StoresNothing()
    {
        await using var bot = await RegisteredAsync("olena");
        await ReachPhotoAsync(bot, "olena");
        await bot.SendAsync(PhotoMessage("olena"));

        var reply = Assert.Single(await bot.PressAsync("olena", "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), reply.Text);
        Assert.Empty(await bot.Ideas().ListProposedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Idea_HostRestartsAfterTheSphere_ContinuesWithTheDraft()
    {
        await using (var before = await RegisteredAsync("olena"))
        {
            await ReachPhotoAsync(before, "olena");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync("olena");
        var preview = Assert.Single(await after.SendAsync(PhotoMessage("olena")));
        await after.PressAsync("olena", "confirm");

        Assert.Equal(Text("Idea_Preview", IdeaFixtures.Title, IdeaFixtures.Text, Text("Sphere_ecology"), "Кам'янське"), preview.Text);
        var idea = Assert.Single(await after.Ideas().ListProposedAsync(CancellationToken.None));
        Assert.Equal((IdeaFixtures.Title, IdeaFixtures.Text, "ecology", Photo), (idea.Title, idea.Text, idea.Sphere, idea.PhotoId));
    }

    private static InboundMessage PhotoMessage(string user) => Message(user) with { PhotoId = Photo };

    private async Task<EngineHarness> RegisteredAsync(string user)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, user, "Олена");
        return bot;
    }

    private static async Task ReachPhotoAsync(EngineHarness bot, string user)
    {
        await bot.SayAsync(user, "/idea");
        await bot.SayAsync(user, IdeaFixtures.Title);
        await bot.SayAsync(user, IdeaFixtures.Text);
        await bot.PressAsync(user, "sphere:ecology");
    }
}
