using System.Text.Json.Nodes;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Dialogs.Reports;
using Hromada.Core.Localization;
using Hromada.Core.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>/report through the webhook with a real Telegram location message, answered through the fake Bot API.</summary>
public sealed class TelegramReportTests : TelegramWebhookHostTests
{
    private const double Latitude = 48.511421;
    private const double Longitude = 34.603226;

    [Fact]
    public async Task Report_PhotoAndSharedLocation_FiledWithThePointAndTheLocationKeyboardSent()
    {
        var olena = new TelegramResident(Host, Api, 600100);
        await RegisterAsync(olena);

        var askCategory = await olena.SayAsync("/report");
        var askDescription = await olena.PressAsync(ReportDialog.CategoryPrefix + nameof(ReportCategory.Lighting));
        await olena.SayAsync("Не світить жоден ліхтар на вулиці Широкій");
        var photoTaken = await olena.SendAsync(Photo(olena.UserId));
        var askLocation = await olena.PressAsync(ReportDialog.Done);
        var askAnonymous = await olena.SendAsync(Location(olena.UserId));
        var preview = await olena.PressAsync(ReportDialog.Named);
        var filed = await olena.PressAsync("confirm");

        Assert.Equal(Text("Reports_AskCategory"), askCategory.Text);
        Assert.Equal(Text("Reports_AskDescription", 10, 2000), askDescription.Text);
        Assert.Equal(Text("Reports_PhotosSoFar", 1, 3), photoTaken.Text);
        Assert.Equal("sendMessage", askLocation.Method);
        Assert.Equal(Text("Reports_AskLocation"), askLocation.Text);
        var keyboard = askLocation.Parameters["reply_markup"]!["keyboard"]!.AsArray();
        var button = Assert.Single(Assert.Single(keyboard)!.AsArray())!;
        Assert.Equal(Text("Reports_ShareLocation"), (string?)button["text"]);
        Assert.True(button["request_location"]!.GetValue<bool>());
        Assert.True(askLocation.Parameters["reply_markup"]!["one_time_keyboard"]!.GetValue<bool>());
        Assert.Equal(Text("Reports_AskAnonymous"), askAnonymous.Text);
        Assert.Contains("48.51142, 34.60323", preview.Text, StringComparison.Ordinal);
        Assert.Equal(Text("Reports_Filed", 1), filed.Text);
        var report = await Host.Services.GetRequiredService<IReportStore>().GetAsync(1, Cancellation);
        Assert.NotNull(report);
        Assert.Equal((ReportCategory.Lighting, Latitude, Longitude), (report.Category, report.Location?.Latitude, report.Location?.Longitude));
        Assert.Equal(["AgACAgIAAxkBAAIBreportLarge"], report.PhotoIds);
        Assert.Equal(ReportStatus.New, report.Status);
    }

    [Fact]
    public async Task Report_LocationNearAnOpenReport_OffersToJoinItAndJoins()
    {
        var olena = new TelegramResident(Host, Api, 600200);
        var taras = new TelegramResident(Host, Api, 600300, "Тарас");
        await RegisterAsync(olena);
        await RegisterAsync(taras);
        await FileAtThePointAsync(olena);

        await taras.SayAsync("/report");
        await taras.PressAsync(ReportDialog.CategoryPrefix + nameof(ReportCategory.Roads));
        await taras.SayAsync("Тут уже місяць як вибоїна на дорозі");
        await taras.PressAsync(ReportDialog.Done);
        var offer = await taras.SendAsync(Location(taras.UserId, Latitude + 0.0002));
        var joined = await taras.PressAsync($"{ReportDialog.JoinPrefix}1");

        Assert.StartsWith(Text("Reports_SimilarNearby"), offer.Text, StringComparison.Ordinal);
        Assert.Equal([$"{ReportDialog.JoinPrefix}1", ReportDialog.FileNew], offer.AllInlineData);
        Assert.Equal(Text("Reports_Joined", 1), joined.Text);
        var reports = Host.Services.GetRequiredService<IReportStore>();
        Assert.Single(await reports.ListAsync(new ReportFilter(), Cancellation));
        Assert.Single((await reports.GetAsync(1, Cancellation))!.JoinedResidentIds);
    }

    private static async Task FileAtThePointAsync(TelegramResident resident)
    {
        await resident.SayAsync("/report");
        await resident.PressAsync(ReportDialog.CategoryPrefix + nameof(ReportCategory.Roads));
        await resident.SayAsync("Глибока яма на дорозі біля зупинки");
        await resident.PressAsync(ReportDialog.Done);
        await resident.SendAsync(Location(resident.UserId));
        await resident.PressAsync(ReportDialog.Named);
        await resident.PressAsync("confirm");
    }

    /// <summary>A location the resident shared with the request_location button, as Telegram posts it.</summary>
    private static string Location(long userId, double latitude = Latitude) =>
        TelegramUpdates.Message(userId, new JsonObject
        {
            ["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = Longitude, ["horizontal_accuracy"] = 12.5 },
        });

    /// <summary>A photo in the sizes Telegram sends it in.</summary>
    private static string Photo(long userId) =>
        TelegramUpdates.Message(userId, new JsonObject
        {
            ["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = "AgACAgIAAxkBAAIBreportSmall", ["file_unique_id"] = "AQADs1", ["file_size"] = 1402, ["width"] = 90, ["height"] = 67 },
                new JsonObject { ["file_id"] = "AgACAgIAAxkBAAIBreportLarge", ["file_unique_id"] = "AQADs2", ["file_size"] = 98304, ["width"] = 1280, ["height"] = 960 }),
        });

    private static async Task RegisterAsync(TelegramResident resident)
    {
        await resident.SayAsync("/start");
        await resident.PressAsync(OnboardingDialog.Agree);
        await resident.PressAsync(ProfileQuestions.UseDisplayName);
        var spheres = await resident.PressAsync(ProfileQuestions.CommunityPrefix + "kamianske");
        await resident.PressAsync(spheres.AllInlineData.First(data => data.StartsWith(ProfileQuestions.SpherePrefix, StringComparison.Ordinal)));
        await resident.PressAsync(ProfileQuestions.Done);
        await resident.PressAsync(ProfileQuestions.Skip);
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
