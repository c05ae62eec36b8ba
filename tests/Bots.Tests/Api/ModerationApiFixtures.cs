using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Core.Conversations;
using Hromada.Core.Ideas;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Reports;
using Hromada.Core.Residents;

namespace Hromada.Bots.Tests.Api;

/// <summary>Ideas, proposals and reports stored through the host's own stores, and what the moderation endpoints leave behind.</summary>
internal static class ModerationApiFixtures
{
    public const string IdeaTitle = "Велопарковка біля ліцею";
    public const string ProposalQuestion = "Чи потрібен у парку майданчик для собак?";
    public const string ReportDescription = "Глибока яма на проїжджій частині біля зупинки «Центр»";

    private static CancellationToken Ct => ApiHost.Cancellation;

    /// <summary>The key's id, as the audit log names it ("api:&lt;id&gt;"): the middle part of "hk_&lt;id&gt;_&lt;secret&gt;".</summary>
    public static string ActorOf(string key) => $"api:{key.Split('_')[1]}";

    /// <summary>
    /// A registered resident whose id, like every real one, is random and shares nothing with their
    /// chat id or phone, so an answer can be searched for either.
    /// </summary>
    public static async Task<Resident> PrivateResidentAsync(this ApiHost host, string chatId, string phone)
    {
        var resident = new Resident
        {
            Id = Guid.NewGuid().ToString("N"),
            Identities = [new ChannelIdentity(ChannelKind.Dev, chatId, chatId)],
            Name = "Олена Коваль",
            CommunityId = "kamianske",
            Phone = phone,
            PhoneVerified = true,
            CreatedAt = ApiHost.StartTime.AddDays(-30),
            RegisteredAt = ApiHost.StartTime.AddDays(-30),
        };
        await host.Get<IResidentStore>().SaveAsync(resident, Ct);
        return resident;
    }

    public static async Task BlockAsync(this ApiHost host, Resident resident)
    {
        resident.BlockedAt = ApiHost.StartTime.AddDays(-1);
        await host.Get<IResidentStore>().SaveAsync(resident, Ct);
    }

    /// <summary>An idea proposed <paramref name="age"/> before the start (two hours by default) and moved by a moderator to <paramref name="status"/>.</summary>
    public static async Task<Idea> IdeaAsync(
        this ApiHost host, string id, Resident author, string communityId = "kamianske", IdeaStatus status = IdeaStatus.Proposed, TimeSpan? age = null)
    {
        var at = ApiHost.StartTime - (age ?? TimeSpan.FromHours(2));
        var idea = Idea.Propose(id, communityId, "ecology", IdeaTitle, "Поставити велопарковку на двадцять місць біля входу до ліцею.", null, author.Id, at);
        IdeaStatus[] way = status switch
        {
            IdeaStatus.Proposed => [],
            IdeaStatus.Rejected => [IdeaStatus.Rejected],
            _ => [.. Enum.GetValues<IdeaStatus>().Where(step => step > IdeaStatus.Proposed && step <= status)],
        };
        foreach (var step in way)
        {
            idea = idea.MovedTo(step, at, "moderator", step == IdeaStatus.Rejected ? "Не стосується громади." : null);
        }

        await host.Get<IIdeaStore>().SaveAsync(idea, Ct);
        return idea;
    }

    public static async Task<Poll> ProposalAsync(this ApiHost host, string id, Resident author, string communityId = "kamianske", TimeSpan? age = null)
    {
        var poll = new Poll
        {
            Id = id,
            CommunityId = communityId,
            Question = ProposalQuestion,
            Options = ["Так", "Ні"],
            Status = PollStatus.Proposed,
            AuthorResidentId = author.Id,
            CreatedAt = ApiHost.StartTime - (age ?? TimeSpan.FromHours(3)),
        };
        await host.Get<IPollStore>().SaveAsync(poll, Ct);
        return poll;
    }

    /// <summary>A report filed <paramref name="age"/> before the start (an hour by default), with a point, an address and a photo.</summary>
    public static Task<ProblemReport> ReportAsync(
        this ApiHost host,
        Resident reporter,
        string communityId = "kamianske",
        bool anonymous = false,
        ReportCategory category = ReportCategory.Roads,
        TimeSpan? age = null) =>
        host.Get<IReportStore>().AddAsync(
            ProblemReport.File(
                new ProblemReport
                {
                    Id = Guid.NewGuid().ToString("N"),
                    CommunityId = communityId,
                    Category = category,
                    Description = ReportDescription,
                    PhotoIds = ["AgACAgIAAxkBAAIBQ2"],
                    Location = new GeoPoint(48.5167, 34.6167),
                    Address = "вул. Широка, 12",
                    AnonymousToPublic = anonymous,
                    ReporterId = reporter.Id,
                },
                ApiHost.StartTime - (age ?? TimeSpan.FromHours(1))),
            Ct);

    /// <summary>Stores the report moved on by a moderator of the bot.</summary>
    public static async Task<ProblemReport> MoveAsync(this ApiHost host, ProblemReport report, ReportStatus status, string? note = null)
    {
        var updated = await host.Get<IReportStore>().UpdateAsync(
            report.Number, stored => stored.MovedTo(status, "moderator", note ?? (status == ReportStatus.Rejected ? "Не наша зона." : null), ApiHost.StartTime), Ct);
        return updated!.Value.Report;
    }

    /// <summary>Every audit entry, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(this ApiHost host) =>
        [.. (await host.Get<IAuditStore>().ListRecentAsync(null, 1000, Ct)).Reverse()];

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>The names of the fields a 400 validation problem lists, in order.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response) => ErrorFields(await response.JsonAsync());

    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string?> Ids(this JsonElement page, string property = "id") =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty(property).ToString())];
}
