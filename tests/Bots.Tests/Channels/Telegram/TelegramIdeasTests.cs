using System.Globalization;
using System.Text.Json.Nodes;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Ideas;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Ideas;
using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>Ideas end to end: residents in the Telegram app, the real host, the fake Bot API.</summary>
public sealed class TelegramIdeasTests : TelegramWebhookHostTests
{
    private const string Title = "Велодоріжка вздовж набережної";
    private const string Description = "Пропоную облаштувати безпечну велодоріжку вздовж набережної Дніпра від мосту до парку.";
    private const string LargestPhoto = "AgACAgIAAxkBAAIBQ2Zlarge-1280x960";

    [Fact]
    public async Task Idea_ThroughWebhookWithPhoto_PreviewsThePhotoAndStoresAProposal()
    {
        var olena = new TelegramResident(Host, Api, 600100);
        await RegisterAsync(olena);

        var askTitle = await olena.SayAsync("/idea");
        var askText = await olena.SayAsync(Title);
        var askSphere = await olena.SayAsync(Description);
        var askPhoto = await olena.PressAsync(IdeaDialog.SpherePrefix + "transport");
        var preview = await olena.SendAsync(PhotoUpdate(olena.UserId));
        var sent = await olena.PressAsync("confirm");

        Assert.Equal(Text("Idea_AskTitle"), askTitle.Text);
        Assert.Equal(Text("Idea_AskText"), askText.Text);
        Assert.Equal(Text("Idea_AskSphere"), askSphere.Text);
        Assert.Contains(IdeaDialog.SpherePrefix + "transport", askSphere.AllInlineData);
        Assert.Equal(Text("Idea_AskPhoto"), askPhoto.Text);
        Assert.Equal([IdeaDialog.SkipPhoto], askPhoto.AllInlineData);
        Assert.Equal("sendPhoto", preview.Method);
        Assert.Equal(LargestPhoto, preview["photo"]);
        Assert.Equal(Text("Idea_Preview", Title, Description, Text("Sphere_transport"), "Кам'янське"), preview.Text);
        Assert.Equal(["confirm", "/cancel"], preview.AllInlineData);
        Assert.Equal(Text("Idea_Sent"), sent.Text);
        var idea = Assert.Single(await Ideas.ListProposedAsync(Cancellation));
        Assert.Equal((Title, Description, "transport", LargestPhoto), (idea.Title, idea.Text, idea.Sphere, idea.PhotoId));
        Assert.Equal((await ResidentAsync(olena))!.Id, idea.AuthorResidentId);
    }

    [Fact]
    public async Task Support_ThroughWebhook_CountedOnceAndTheAuthorHearsOfThePublication()
    {
        var olena = new TelegramResident(Host, Api, 600200);
        var taras = new TelegramResident(Host, Api, 600300, "Тарас");
        await RegisterAsync(olena);
        await RegisterAsync(taras);
        var idea = Idea.Propose("idea-e2e", "kamianske", "transport", Title, Description, null, (await ResidentAsync(olena))!.Id, DateTimeOffset.UtcNow);
        await Ideas.SaveAsync(idea, Cancellation);

        var published = await Host.Services.GetRequiredService<IdeaModeration>().PublishAsync(idea.Id, "moderator-1", Cancellation);
        var notice = await olena.NextReplyAsync();
        var list = await taras.SayAsync("/ideas");
        var shown = await taras.PressAsync(IdeasDialog.IdeaPrefix + idea.Id);
        var supported = await taras.PressAsync(IdeasDialog.Support);
        var again = await taras.PressAsync(IdeasDialog.Support);
        var rated = await taras.PressAsync(IdeasDialog.RatePrefix + "4");
        var authorView = await olena.PressAsync(notice.AllInlineData.Single());

        Assert.True(published.Changed);
        Assert.Equal(Text("Ideas_NoticePublished", Title), notice.Text);
        Assert.Equal(["/ideas idea-e2e"], notice.AllInlineData);
        Assert.Equal(Text("Ideas_List"), list.Text);
        Assert.Equal($"👍 0 · {Title}", list.InlineLabels.First());
        Assert.Equal([IdeasDialog.Support, IdeasDialog.Back], shown.AllInlineData);
        Assert.StartsWith(Text("Ideas_Supported"), supported.Text, StringComparison.Ordinal);
        Assert.Equal(["rate:1", "rate:2", "rate:3", "rate:4", "rate:5", IdeasDialog.Back], supported.AllInlineData);
        Assert.StartsWith(Text("Ideas_AlreadySupported"), again.Text, StringComparison.Ordinal);
        Assert.StartsWith(Text("Ideas_Rated", 4), rated.Text, StringComparison.Ordinal);
        Assert.Contains(Text("Ideas_Average", "4,0", 1), rated.Text, StringComparison.Ordinal);
        Assert.Contains(
            Text("Ideas_View", Title, Description, Text("Sphere_transport"), "Кам'янське", Text("IdeaStatus_Published"), 1),
            authorView.Text,
            StringComparison.Ordinal);
        Assert.EndsWith(Text("Ideas_YourIdea"), authorView.Text, StringComparison.Ordinal);
        Assert.Equal(new IdeaTally(1, 1, 4), await Ideas.TallyAsync(idea.Id, Cancellation));
    }

    private IIdeaStore Ideas => Host.Services.GetRequiredService<IIdeaStore>();

    /// <summary>A photo as Telegram sends it: several sizes of one picture, the largest last but not necessarily so.</summary>
    private static string PhotoUpdate(long userId) => TelegramUpdates.Message(userId, new JsonObject
    {
        ["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = "AgACAgIAAxkBAAIBQ2Zsmall-90x67", ["file_unique_id"] = "AQADsmall", ["file_size"] = 1254, ["width"] = 90, ["height"] = 67 },
            new JsonObject { ["file_id"] = LargestPhoto, ["file_unique_id"] = "AQADlarge", ["file_size"] = 84211, ["width"] = 1280, ["height"] = 960 },
            new JsonObject { ["file_id"] = "AgACAgIAAxkBAAIBQ2Zmedium-320x240", ["file_unique_id"] = "AQADmedium", ["file_size"] = 14002, ["width"] = 320, ["height"] = 240 }),
    });

    private static async Task RegisterAsync(TelegramResident resident)
    {
        await resident.SayAsync("/start");
        await resident.PressAsync(OnboardingDialog.Agree);
        await resident.PressAsync(ProfileQuestions.UseDisplayName);
        await resident.PressAsync(ProfileQuestions.CommunityPrefix + "kamianske");
        await resident.PressAsync(ProfileQuestions.SpherePrefix + "transport");
        await resident.PressAsync(ProfileQuestions.Done);
        await resident.PressAsync(ProfileQuestions.Skip);
    }

    /// <summary>The engine stores the replies before the resident, so the last reply can arrive first.</summary>
    private Task<Resident?> ResidentAsync(TelegramResident resident) =>
        Eventually.ResultAsync(
            () => Host.Services.GetRequiredService<IResidentStore>().FindByIdentityAsync(
                new IdentityKey(ChannelKind.Telegram, resident.UserId.ToString(CultureInfo.InvariantCulture)), Cancellation),
            found => found?.IsRegistered == true);

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
