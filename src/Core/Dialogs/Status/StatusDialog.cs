using System.Globalization;
using System.Text;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Hromada.Core.Spheres;
using Hromada.Core.Statuses;

namespace Hromada.Core.Dialogs.Status;

/// <summary>
/// /status: the resident's status, the figures behind it as of now, the statuses in the spheres where
/// polls were open to them, and what the next status needs. The status shown is the one stored by the
/// nightly recomputation; when today's figures earn another, the reply says so.
/// </summary>
public sealed class StatusDialog(ParticipationReader reader, StatusRules rules) : IDialog
{
    public string Name => "status";

    public IReadOnlyList<string> Commands => ["/status"];

    public async Task StartAsync(DialogContext context)
    {
        var resident = context.Resident!;
        var figures = await reader.ReadAsync(resident, context.Now, context.CancellationToken);
        var text = new StringBuilder(context.Text("Status_Title", StatusName(context, resident.Status)));
        var earned = rules.StatusFor(figures.Overall);
        if (earned != resident.Status)
        {
            text.Append('\n').Append(context.Text("Status_Pending", StatusName(context, earned)));
        }

        text.Append("\n\n").Append(Figures(context, figures.Overall));
        var spheres = Sphere.All.Where(figures.BySphere.ContainsKey).ToList();
        if (spheres.Count > 0)
        {
            text.Append("\n\n").Append(context.Text("Status_Spheres"));
            foreach (var sphere in spheres)
            {
                var inSphere = figures.BySphere[sphere];
                text.Append('\n').Append(context.Text(
                    "Status_SphereLine",
                    context.Text($"Sphere_{sphere}"),
                    StatusName(context, rules.StatusFor(inSphere)),
                    inSphere.PollsAnswered,
                    inSphere.PollsOpen,
                    Percent(inSphere.PollsAnswered, inSphere.PollsOpen)));
            }
        }

        text.Append("\n\n").Append(Next(context, figures));
        context.Reply(new OutboundReply(text.ToString())
        {
            Buttons =
            [
                [new ReplyButton(context.Text("Menu_Polls"), "/polls"), new ReplyButton(context.Text("Menu_Propose"), "/propose")],
                [new ReplyButton(context.Text("Menu_Button"), "/menu")],
            ],
        });
    }

    private static string StatusName(DialogContext context, ResidentStatus status) => context.Text($"Status_{status}");

    private static string Figures(DialogContext context, Participation figures)
    {
        var lines = new List<string>();
        if (figures.PollsOpen == 0)
        {
            lines.Add(context.Text("Status_NoPolls"));
        }
        else
        {
            lines.Add(context.Text("Status_Answered", figures.PollsAnswered, figures.PollsOpen, Percent(figures.PollsAnswered, figures.PollsOpen)));
            lines.Add(context.Text("Status_Unchanged", figures.PollsAnsweredUnchanged, figures.PollsOpen, Percent(figures.PollsAnsweredUnchanged, figures.PollsOpen)));
        }

        lines.Add(context.Text("Status_ProposalMonths", figures.MonthsWithProposal, figures.MonthsConsidered));
        if (figures.ClosedPollsAnswered > 0)
        {
            lines.Add(context.Text("Status_Majority", figures.ClosedPollsWithMajority, figures.ClosedPollsAnswered));
        }

        return string.Join('\n', lines);
    }

    private string Next(DialogContext context, ResidentFigures figures)
    {
        if (StatusProgress.Next(figures, rules) is not { } progress)
        {
            return context.Text("Status_Top");
        }

        var (next, needs) = progress;

        var text = new StringBuilder(context.Text("Status_Next", StatusName(context, next)));
        foreach (var need in needs)
        {
            text.Append("\n• ").Append(need switch
            {
                AnswerMorePolls { WithoutChanging: false } more => context.Text("Status_NeedAnswers", more.Count),
                AnswerMorePolls more => context.Text("Status_NeedUnchanged", more.Count),
                ProposeThisMonth => context.Text("Status_NeedProposalThisMonth"),
                ProposeEveryMonth every => context.Text("Status_NeedProposalMonths", every.MonthsWithProposal, every.MonthsConsidered),
                AgreeWithMajority majority => context.Text("Status_NeedMajority", majority.WithMajority, majority.ClosedAnswered),
                _ => throw new InvalidOperationException($"No text for {need}."),
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="part"/> of <paramref name="whole"/> in percent, cut (not rounded) to one decimal,
    /// so a share at a threshold never reads as above it: 50 of 100 is not "more than 50%", and shows as 50.
    /// </summary>
    private static string Percent(int part, int whole) =>
        (whole == 0 ? 0 : part * 1000L / whole / 10.0).ToString("0.#", CultureInfo.InvariantCulture);
}
