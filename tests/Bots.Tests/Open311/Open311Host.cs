using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hromada.Bots.Tests.Api;
using Hromada.Core.Conversations;
using Hromada.Core.Reports;

namespace Hromada.Bots.Tests.Open311;

/// <summary>Reports stored through the host's own store at the host's fake time, and Open311 calls and answers read as JSON.</summary>
internal static class Open311Host
{
    public const string Description = "Глибока яма посеред проїжджої частини";
    public const string Address = "вул. Соборна, 12";
    public static readonly GeoPoint Point = new(48.5167, 34.6167);

    private static readonly JsonSerializerOptions Unescaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static CancellationToken Ct => ApiHost.Cancellation;

    /// <summary>A report filed <paramref name="ago"/> before the host's current time.</summary>
    public static Task<ProblemReport> ReportAsync(
        this ApiHost host,
        TimeSpan? ago = null,
        ReportCategory category = ReportCategory.Roads,
        string communityId = "kamianske",
        string reporterId = "r-taras",
        bool anonymous = false,
        IReadOnlyList<string>? photoIds = null,
        string description = Description,
        GeoPoint? location = null,
        string? address = Address) =>
        host.Get<IReportStore>().AddAsync(
            ProblemReport.File(
                new ProblemReport
                {
                    Id = Guid.NewGuid().ToString("N"),
                    CommunityId = communityId,
                    Category = category,
                    Description = description,
                    PhotoIds = photoIds ?? [],
                    Location = location ?? Point,
                    Address = address,
                    AnonymousToPublic = anonymous,
                    ReporterId = reporterId,
                },
                host.Clock.GetUtcNow() - (ago ?? TimeSpan.Zero)),
            Ct);

    /// <summary>The report moved on by a moderator now, as /issues does it.</summary>
    public static async Task<ProblemReport> MoveAsync(this ApiHost host, ProblemReport report, ReportStatus status, string? note = null)
    {
        var now = host.Clock.GetUtcNow();
        var moved = await host.Get<IReportStore>().UpdateAsync(report.Number, stored => stored.MovedTo(status, "r-moderator", note, now), Ct);
        return moved!.Value.Report;
    }

    public static Task<ProblemReport?> StoredAsync(this ApiHost host, long number) => host.Get<IReportStore>().GetAsync(number, Ct);

    /// <summary>POST requests.json with a form body, the key (if any) in Authorization: Bearer.</summary>
    public static Task<HttpResponseMessage> PostRequestAsync(this ApiHost host, IEnumerable<KeyValuePair<string, string>> form, string? bearer = null) =>
        host.SendAsync(HttpMethod.Post, "/open311/v2/requests.json", bearer, new FormUrlEncodedContent(form));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>The JSON as text with every character as itself (the host writes Cyrillic as \u escapes), for searching.</summary>
    public static string Unescaped(this JsonElement json) => JsonSerializer.Serialize(json, Unescaping);

    /// <summary>A GET answer that must be 200, as its array.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ArrayAsync(this ApiHost host, string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await host.Host.Client.SendAsync(request, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray()];
    }

    /// <summary>The service_request_ids of a GET requests.json answer, in its order.</summary>
    public static async Task<IReadOnlyList<string?>> IdsAsync(this ApiHost host, string query) =>
        [.. (await host.ArrayAsync($"/open311/v2/requests.json{query}")).Select(request => request.GetProperty("service_request_id").GetString())];

    public static string Id(this ProblemReport report) => report.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Asserts a GeoReport v2 error answer: the status, and an array of one error with that code whose description holds the fragment.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, int status, string fragment)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single((await response.JsonAsync()).EnumerateArray());
        Assert.Equal(["code", "description"], error.EnumerateObject().Select(property => property.Name));
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.Contains(fragment, error.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
