using System.Globalization;
using System.Text;
using System.Text.Json;
using Hromada.Bots.Tests.Api;
using Hromada.Bots.Tests.Channels.Dev;
using Hromada.Core.Dialogs.Admin.Issues;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Reports;

namespace Hromada.Bots.Tests.Open311;

/// <summary>
/// A report filed through Open311 has no resident behind it ("open311:&lt;key id&gt;"); the bot's report
/// features (moderation in /issues, telling followers, /myreports, ratings, /mydata) take it in their stride.
/// </summary>
public sealed class Open311BotTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = ApiHost.Start(("Admin:SuperAdmins:0", "dev:admin"));
        await _host.ResidentAsync("admin");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Issues_Open311Report_ModeratorSeesItsKeyThenAcknowledgesAndAnswersIt()
    {
        var (number, keyId) = await FileAsync();
        var admin = new DevChatResident(_host.Host, "admin", "Admin");

        var queue = Assert.Single(await admin.SayAsync("/issues"));
        var details = Assert.Single(await admin.PressAsync($"{IssuesDialog.ReportPrefix}{number}"));
        var acknowledged = Assert.Single(await admin.PressAsync(IssuesDialog.ActionPrefix + ReportAction.Acknowledge));
        await admin.SayAsync("/issues");
        await admin.PressAsync($"{IssuesDialog.ReportPrefix}{number}");
        await admin.PressAsync(IssuesDialog.ActionPrefix + ReportAction.Reply);
        var replied = Assert.Single(await admin.SayAsync("Бригаду направлено, дякуємо."));

        Assert.Equal([$"{IssuesDialog.ReportPrefix}{number}"], queue.AllButtons.Select(button => button.Data));
        Assert.Contains(Text("Issues_ReporterOpen311", keyId), details.Text, StringComparison.Ordinal);
        Assert.Equal(Text("Issues_Moved", number, Text("ReportStatus_Acknowledged")), acknowledged.Text);
        Assert.Equal(Text("Issues_Replied", number), replied.Text);
        var stored = await _host.StoredAsync(number);
        Assert.Equal((ReportStatus.Acknowledged, "Бригаду направлено, дякуємо."), (stored!.Status, Assert.Single(stored.Replies).Text));
        var request = Assert.Single(await _host.ArrayAsync($"/open311/v2/requests/{number}.json"));
        Assert.Equal("open", request.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Resolve_ResidentJoinedAnOpen311Report_TellsThemAndTheyFollowItButCannotRateIt()
    {
        var (number, _) = await FileAsync();
        var olena = await _host.ResidentAsync("olena");
        await _host.Get<IReportStore>().UpdateAsync(number, report => report.JoinedBy(olena.Id), ApiHost.Cancellation);

        var resolved = await _host.Get<ReportModeration>().ResolveAsync(number, "r-admin", "Яму засипано.", ApiHost.Cancellation);
        var chat = new DevChatResident(_host.Host, "olena", "Olena");
        var told = Assert.Single(await chat.WaitForRepliesAsync());
        var mine = Assert.Single(await chat.SayAsync("/myreports"));
        var rate = Assert.Single(await chat.SayAsync(ReportModeration.RateCommand(number, 5)));
        var myData = Assert.Single(await chat.SayAsync("/mydata"));

        Assert.Equal(ReportModerationOutcome.Done, resolved.Outcome);
        Assert.StartsWith(
            Text("Reports_StatusChanged", number, Text("ReportCategory_Roads"), Text("ReportStatus_Resolved")),
            told.Text,
            StringComparison.Ordinal);
        Assert.Contains(ReportModeration.OpenCommand(number), mine.AllButtons.Select(button => button.Data));
        Assert.StartsWith(Text("Problem_ReportNotRatable"), rate.Text, StringComparison.Ordinal);
        Assert.Null((await _host.StoredAsync(number))!.Rating);
        var exported = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(myData.Document!.Base64))).RootElement;
        var joined = Assert.Single(exported.GetProperty("reports").GetProperty("joined").EnumerateArray());
        Assert.Equal(number, joined.GetProperty("number").GetInt64());
        Assert.Empty(exported.GetProperty("reports").GetProperty("filed").EnumerateArray());
    }

    /// <summary>Files a report through Open311 with a new Kamianske key; its number and the key's id.</summary>
    private async Task<(long Number, string KeyId)> FileAsync()
    {
        var key = await _host.KeyAsync("kamianske");
        using var response = await _host.PostRequestAsync(
            [
                new("service_code", "Roads"), new("lat", "48.5167"), new("long", "34.6167"),
                new("address_string", "вул. Соборна, 12"), new("description", "Глибока яма посеред дороги"),
            ],
            bearer: key);
        var id = Assert.Single((await response.JsonAsync()).EnumerateArray()).GetProperty("service_request_id").GetString()!;
        return (long.Parse(id, CultureInfo.InvariantCulture), key.Split('_')[1]);
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
