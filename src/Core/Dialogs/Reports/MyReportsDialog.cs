using System.Globalization;
using System.Text;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Reports;

namespace Hromada.Core.Dialogs.Reports;

/// <summary>
/// /myreports: the reports the resident filed or joined, with their statuses; "/myreports 42" shows one
/// with its history and the moderators' replies; "/myreports 42 rate 5" is the reporter's rating of a
/// resolved report. Every button here is such a command, so the same buttons work in a notification,
/// outside any dialog, and the dialog keeps nothing in the session.
/// </summary>
public sealed class MyReportsDialog(IReportStore reports) : IDialog
{
    /// <summary>The newest reports listed; older ones stay reachable by number.</summary>
    public const int MaxListed = 20;

    private const string RateWord = "rate";

    public string Name => "myreports";

    public IReadOnlyList<string> Commands => ["/myreports"];

    public async Task StartAsync(DialogContext context)
    {
        var argument = BotCommand.From(context.Message)?.Argument ?? "";
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case []:
                await ListAsync(context, problem: null);
                break;
            case [var number] when Number(number) is { } n:
                await ShowAsync(context, n);
                break;
            case [var number, RateWord, var stars] when Number(number) is { } n
                && int.TryParse(stars, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
                await RateAsync(context, n, s);
                break;
            default:
                await ListAsync(context, context.Text("Problem_ReportUnavailable"));
                break;
        }
    }

    private async Task ListAsync(DialogContext context, string? problem)
    {
        var mine = await reports.ListByResidentAsync(context.Resident!.Id, context.CancellationToken);
        var lead = problem is null ? "" : problem + "\n\n";
        if (mine.Count == 0)
        {
            context.Reply(new OutboundReply(lead + context.Text("Reports_NoneYet"))
            {
                Buttons = [[Button(context, "Menu_Report", "/report"), Button(context, "Menu_Button", "/menu")]],
            });
            return;
        }

        context.Reply(new OutboundReply(lead + context.Text("Reports_List"))
        {
            Buttons = [.. mine.Take(MaxListed).Select(report => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                context.Text("Reports_ListItem", report.Number, ReportNames.Category(context.Language, report.Category), ReportNames.Status(context.Language, report.Status)),
                ReportModeration.OpenCommand(report.Number))])],
        });
    }

    private async Task ShowAsync(DialogContext context, long number)
    {
        var report = await reports.GetAsync(number, context.CancellationToken);
        if (report is null || !report.IsFollowedBy(context.Resident!.Id))
        {
            await ListAsync(context, context.Text("Problem_ReportUnavailable"));
            return;
        }

        context.Reply(Details(context, report));
    }

    /// <summary>The reporter's rating, once, after the report was resolved; anything else is explained and nothing changes.</summary>
    private async Task RateAsync(DialogContext context, long number, int stars)
    {
        var residentId = context.Resident!.Id;
        if (stars is < ProblemReport.MinRating or > ProblemReport.MaxRating)
        {
            await ListAsync(context, context.Text("Problem_ReportUnavailable"));
            return;
        }

        var updated = await reports.UpdateAsync(
            number,
            report => report.ReporterId == residentId && report.AwaitsRating ? report.RatedWith(stars, context.Now) : null,
            context.CancellationToken);
        if (updated is not { Report: var report } || !report.IsFollowedBy(residentId))
        {
            await ListAsync(context, context.Text("Problem_ReportUnavailable"));
            return;
        }

        var text = updated.Value.Changed ? context.Text("Reports_Rated", report.Number, ReportNames.Stars(stars))
            : report.ReporterId == residentId && report.Rating is { } given ? context.Text("Problem_ReportAlreadyRated", ReportNames.Stars(given))
            : context.Text("Problem_ReportNotRatable");
        context.Reply(new OutboundReply(text)
        {
            Buttons = [[Button(context, "Reports_Back", "/myreports"), Button(context, "Menu_Button", "/menu")]],
        });
    }

    /// <summary>The report with its history and replies, oldest first; the reporter of a resolved, unrated one is offered the rating.</summary>
    private static OutboundReply Details(DialogContext context, ProblemReport report)
    {
        var language = context.Language;
        var text = new StringBuilder(context.Text(
            "Reports_Details",
            report.Number,
            ReportNames.Category(language, report.Category),
            ReportNames.Status(language, report.Status),
            KyivTime.Format(report.CreatedAt),
            ReportNames.Place(report),
            report.Description));
        if (report.PhotoIds.Count > 0)
        {
            text.Append('\n').Append(context.Text("Reports_Photos", report.PhotoIds.Count));
        }

        if (report.JoinedResidentIds.Count > 0)
        {
            text.Append('\n').Append(context.Text("Reports_JoinedCount", report.JoinedResidentIds.Count));
        }

        text.Append("\n\n").Append(context.Text("Reports_History"));
        foreach (var change in report.History)
        {
            text.Append('\n').Append(KyivTime.Format(change.At)).Append(" — ").Append(ReportNames.Status(language, change.Status));
            if (change.Note is { } note)
            {
                text.Append(": ").Append(note);
            }
        }

        if (report.Replies.Count > 0)
        {
            text.Append("\n\n").Append(context.Text("Reports_Replies"));
            foreach (var reply in report.Replies)
            {
                text.Append('\n').Append(KyivTime.Format(reply.At)).Append(" — ").Append(reply.Text);
            }
        }

        if (report.Rating is { } rating)
        {
            text.Append("\n\n").Append(context.Text("Reports_YourRating", ReportNames.Stars(rating)));
        }

        var rows = new List<IReadOnlyList<ReplyButton>>();
        if (report.AwaitsRating && report.ReporterId == context.Resident!.Id)
        {
            text.Append("\n\n").Append(context.Text("Reports_AskRating"));
            rows.Add(ReportModeration.RatingButtons(report.Number));
        }

        rows.Add([Button(context, "Reports_Back", "/myreports"), Button(context, "Menu_Button", "/menu")]);
        return new OutboundReply(text.ToString()) { Buttons = rows };
    }

    private static long? Number(string text) =>
        long.TryParse(text.TrimStart('№', '#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static ReplyButton Button(DialogContext context, string key, string data) => new(context.Text(key), data);
}
