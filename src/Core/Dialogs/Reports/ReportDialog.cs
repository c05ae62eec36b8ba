using System.Globalization;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Reports;
using Microsoft.Extensions.Logging;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Reports.ReportState;

namespace Hromada.Core.Dialogs.Reports;

/// <summary>
/// /report: a resident reports a local problem — category, description, photos, a shared point or a
/// typed address, whether the public may see who reported it — and confirms a preview; it is stored as
/// <see cref="ReportStatus.New"/> with its number. A shared point first shows the open reports of the
/// same category within <see cref="DuplicateRadiusMetres"/>, so the resident can join one instead.
/// </summary>
public sealed partial class ReportDialog(IReportStore reports, ILogger<ReportDialog> logger) : Dialog<ReportState>
{
    public const string CategoryPrefix = "category:";
    public const string JoinPrefix = "join:";
    public const string FileNew = "new";
    public const string Done = "done";
    public const string Anonymous = "anonymous:yes";
    public const string Named = "anonymous:no";

    /// <summary>Two points this close are taken as the same place (a GPS fix in a city is good to 5–20 m).</summary>
    public const double DuplicateRadiusMetres = 50;

    /// <summary>At most this many nearby reports are offered to join, nearest first.</summary>
    public const int MaxSuggestions = 5;

    private const int CategoriesPerRow = 2;
    private const int SnippetLength = 80;

    private static readonly DescriptionValidator DescriptionRule = new();
    private static readonly AddressValidator AddressRule = new();
    private static readonly LocationValidator LocationRule = new();

    public override string Name => "report";

    public override IReadOnlyList<string> Commands => ["/report"];

    protected override ReportState FirstState => AwaitingCategory;

    public override async Task StartAsync(DialogContext context)
    {
        await base.StartAsync(context);
        new ReportDraft(context.Session).ReportId = Guid.NewGuid().ToString("N");
    }

    /// <summary>The open reports near the shared point: when the point arrives, and while the resident chooses among them.</summary>
    protected override async Task LoadAsync(DialogContext context)
    {
        var state = Enum.Parse<ReportState>(context.Session.State!);
        var draft = new ReportDraft(context.Session);
        var point = state switch
        {
            AwaitingLocation => context.Message.Location,
            AwaitingDuplicateChoice => draft.Location,
            _ => null,
        };
        if (point is not null && draft.Category is { } category && LocationRule.Validate(point).IsValid)
        {
            var near = await reports.ListOpenNearAsync(category, point, DuplicateRadiusMetres, context.CancellationToken);
            context.Keep(new Nearby(point, [.. near.Take(MaxSuggestions)]));
        }
    }

    protected override void Configure(StateMachine<ReportState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new ReportDraft(context.Session);

        Step(machine.Configure(AwaitingCategory), OptionChosen, AwaitingDescription, () => TakeCategory(context, draft));

        Step(machine.Configure(AwaitingDescription), TextReceived, AwaitingPhotos,
            () => context.Accept(DescriptionRule, context.Message.Text?.Trim() ?? "", description => draft.Description = description));

        // Each photo is added and the question asked again, until the last one allowed moves on by itself.
        var added = new Lazy<bool>(() => AddPhoto(context, draft));
        var full = new Lazy<bool>(() => draft.PhotoIds.Count >= ProblemReport.MaxPhotos);
        var photos = machine.Configure(AwaitingPhotos)
            .PermitIf(PhotoReceived, AwaitingLocation, () => added.Value && full.Value)
            .PermitReentryIf(PhotoReceived, () => !(added.Value && full.Value));
        Step(photos, OptionChosen, AwaitingLocation, () => context.Message.ButtonData == Done || Unexpected(context));

        var located = new Lazy<bool>(() => context.Accept(LocationRule, context.Message.Location!, point => draft.Location = point));
        var nearby = context.Loaded<Nearby>() is { Reports.Count: > 0 };
        var location = machine.Configure(AwaitingLocation)
            .PermitIf(LocationReceived, AwaitingDuplicateChoice, () => located.Value && nearby)
            .PermitIf(LocationReceived, AwaitingAnonymity, () => located.Value && !nearby)
            .PermitReentryIf(LocationReceived, () => !located.Value);
        Step(location, TextReceived, AwaitingAnonymity,
            () => context.Accept(AddressRule, context.Message.Text?.Trim() ?? "", address => draft.Address = address));

        var fileNew = context.Message.ButtonData == FileNew;
        var joined = new Lazy<bool>(() => TakeJoin(context, draft));
        machine.Configure(AwaitingDuplicateChoice)
            .PermitIf(OptionChosen, AwaitingAnonymity, () => fileNew)
            .PermitIf(OptionChosen, Completed, () => !fileNew && joined.Value)
            .PermitReentryIf(OptionChosen, () => !fileNew && !joined.Value);

        Step(machine.Configure(AwaitingAnonymity), OptionChosen, AwaitingConfirmation, () => TakeAnonymity(context, draft));

        machine.Configure(AwaitingConfirmation).Permit(Confirmed, Completed);

        machine.Configure(Completed).OnEntryAsync(() => draft.JoinNumber is { } number
            ? JoinAsync(context, number)
            : FileAsync(context, draft));
    }

    protected override OutboundReply? Ask(ReportState state, DialogContext context)
    {
        var draft = new ReportDraft(context.Session);
        return state switch
        {
            AwaitingCategory => new OutboundReply(context.Text("Reports_AskCategory"))
            {
                Buttons = [.. Enum.GetValues<ReportCategory>()
                    .Select(category => new ReplyButton(ReportNames.Category(context.Language, category), CategoryPrefix + category))
                    .Chunk(CategoriesPerRow)],
            },
            AwaitingDescription => new OutboundReply(context.Text("Reports_AskDescription", DescriptionValidator.MinLength, DescriptionValidator.MaxLength)),
            AwaitingPhotos => AskPhotos(context, draft),
            AwaitingLocation => new OutboundReply(context.Text("Reports_AskLocation"))
            {
                LocationButtonLabel = context.Text("Reports_ShareLocation"),
            },
            AwaitingDuplicateChoice => AskDuplicate(context),
            AwaitingAnonymity => new OutboundReply(context.Text("Reports_AskAnonymous"))
            {
                Buttons = [[Button(context, "Reports_AnonymousYes", Anonymous), Button(context, "Reports_AnonymousNo", Named)]],
            },
            AwaitingConfirmation => new OutboundReply(Preview(context, draft))
            {
                Buttons = [[Button(context, "Reports_Confirm", "confirm"), Button(context, "Reports_Discard", "/cancel")]],
            },
            Completed => Finished(context),
            _ => null,
        };
    }

    private static OutboundReply AskPhotos(DialogContext context, ReportDraft draft)
    {
        var count = draft.PhotoIds.Count;
        return count == 0
            ? new OutboundReply(context.Text("Reports_AskPhotos", ProblemReport.MaxPhotos)) { Buttons = [[Button(context, "Reports_SkipPhotos", Done)]] }
            : new OutboundReply(context.Text("Reports_PhotosSoFar", count, ProblemReport.MaxPhotos)) { Buttons = [[Button(context, "Reports_PhotosDone", Done)]] };
    }

    private static OutboundReply AskDuplicate(DialogContext context)
    {
        var nearby = context.Loaded<Nearby>();
        var found = nearby?.Reports ?? [];
        var lines = found.Select(report => context.Text(
            "Reports_SimilarLine",
            report.Number,
            (int)Math.Round(GeoDistance.Metres(nearby!.Point, report.Location!)),
            ReportNames.Status(context.Language, report.Status),
            Snippet(report.Description)));
        return new OutboundReply(string.Join("\n\n", lines.Prepend(context.Text("Reports_SimilarNearby"))))
        {
            Buttons =
            [
                .. found.Select(report => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                    context.Text("Reports_Join", report.Number), JoinPrefix + report.Number.ToString(CultureInfo.InvariantCulture))]),
                [Button(context, "Reports_FileNew", FileNew)],
            ],
        };
    }

    private static string Preview(DialogContext context, ReportDraft draft)
    {
        var place = draft.Address ?? (draft.Location is { } point ? ReportNames.Point(point) : "");
        return context.Text(
            "Reports_Preview",
            ReportNames.Category(context.Language, draft.Category!.Value),
            draft.Description,
            draft.PhotoIds.Count,
            place,
            context.Text(draft.AnonymousToPublic ? "Reports_PreviewAnonymous" : "Reports_PreviewNamed"));
    }

    private static OutboundReply Finished(DialogContext context)
    {
        var outcome = context.Loaded<Outcome>()!;
        return new OutboundReply(context.Text(outcome.Joined ? "Reports_Joined" : "Reports_Filed", outcome.Report.Number))
        {
            Buttons = [[Button(context, "Menu_MyReports", "/myreports"), Button(context, "Menu_Button", "/menu")]],
        };
    }

    private static bool TakeCategory(DialogContext context, ReportDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        if (!pressed.StartsWith(CategoryPrefix, StringComparison.Ordinal)
            || !Enum.TryParse<ReportCategory>(pressed[CategoryPrefix.Length..], out var category)
            || !Enum.IsDefined(category))
        {
            return Unexpected(context);
        }

        draft.Category = category;
        return true;
    }

    /// <summary>Adds the photo; true once it is taken. More than the maximum never arrive: the last one moves on.</summary>
    private static bool AddPhoto(DialogContext context, ReportDraft draft)
    {
        draft.PhotoIds = [.. draft.PhotoIds, context.Message.PhotoId!];
        return true;
    }

    /// <summary>Takes a report offered nearby; one that closed or moved meanwhile is refused and the list shown again.</summary>
    private static bool TakeJoin(DialogContext context, ReportDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        if (!pressed.StartsWith(JoinPrefix, StringComparison.Ordinal)
            || !long.TryParse(pressed.AsSpan(JoinPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Unexpected(context);
        }

        if (context.Loaded<Nearby>()?.Reports.Any(report => report.Number == number) != true)
        {
            context.Problem = context.Text("Problem_ReportUnavailable");
            return false;
        }

        draft.JoinNumber = number;
        return true;
    }

    private static bool TakeAnonymity(DialogContext context, ReportDraft draft)
    {
        switch (context.Message.ButtonData)
        {
            case Anonymous:
                draft.AnonymousToPublic = true;
                return true;
            case Named:
                draft.AnonymousToPublic = false;
                return true;
            default:
                return Unexpected(context);
        }
    }

    private static bool Unexpected(DialogContext context)
    {
        context.Problem = context.Text("Problem_UnexpectedInput");
        return false;
    }

    private async Task FileAsync(DialogContext context, ReportDraft draft)
    {
        var resident = context.Resident!;
        var report = ProblemReport.File(
            new ProblemReport
            {
                Id = draft.ReportId!,
                CommunityId = resident.CommunityId ?? Community.NationalId,
                Category = draft.Category!.Value,
                Description = draft.Description!,
                PhotoIds = draft.PhotoIds,
                Location = draft.Location,
                Address = draft.Address,
                AnonymousToPublic = draft.AnonymousToPublic,
                ReporterId = resident.Id,
            },
            context.Now);
        var stored = await reports.AddAsync(report, context.CancellationToken);
        LogFiled(stored.Number, stored.CommunityId, stored.Category, resident.Id);
        context.Keep(new Outcome(stored, Joined: false));
    }

    private async Task JoinAsync(DialogContext context, long number)
    {
        var residentId = context.Resident!.Id;
        var updated = await reports.UpdateAsync(number, report => report.JoinedBy(residentId), context.CancellationToken)
            ?? throw new InvalidOperationException($"Report {number} was offered to join but is gone.");
        LogJoined(residentId, number);
        context.Keep(new Outcome(updated.Report, Joined: true));
    }

    private static string Snippet(string text) => text.Length <= SnippetLength ? text : text[..(SnippetLength - 1)] + "…";

    private static ReplyButton Button(DialogContext context, string key, string data) => new(context.Text(key), data);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Number} filed for {CommunityId} in {Category} by resident {ResidentId}")]
    private partial void LogFiled(long number, string communityId, ReportCategory category, string residentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resident {ResidentId} joined report {Number}")]
    private partial void LogJoined(string residentId, long number);

    /// <summary>The shared point and the open reports of the same category near it.</summary>
    private sealed record Nearby(GeoPoint Point, IReadOnlyList<ProblemReport> Reports);

    private sealed record Outcome(ProblemReport Report, bool Joined);
}
