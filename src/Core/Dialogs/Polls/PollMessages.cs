using System.Globalization;
using System.Text;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Polls;

namespace Hromada.Core.Dialogs.Polls;

/// <summary>How a poll, an answer and a result read in a message, in the resident's language.</summary>
public sealed class PollMessages(CommunityDirectory communities)
{
    public const int BarWidth = 10;

    /// <summary>Community groups shown at most, the largest first; a national poll may have voters in hundreds.</summary>
    public const int MostCommunityGroups = 15;

    /// <summary>The question, where it is asked, until when, and the horizon of a strategic poll.</summary>
    public string Describe(DialogContext context, Poll poll)
    {
        var text = new StringBuilder(poll.Question).Append("\n\n").Append(Place(context, poll.CommunityId));
        if (poll.ClosesAt is { } closesAt)
        {
            text.Append('\n').Append(context.Text("Polls_ClosesAt", KyivTime.Format(closesAt)));
        }

        if (poll is { Kind: PollKind.Strategic, Horizon: { } horizon })
        {
            text.Append('\n').Append(context.Text("Polls_Horizon", horizon));
        }

        return text.ToString();
    }

    public string Place(DialogContext context, string communityId) =>
        communities.Find(communityId) is { } community ? CommunityDirectory.NameOf(community, context.Language) : communityId;

    /// <summary>"Your answer: …" with the chosen options' labels.</summary>
    public static string Answer(DialogContext context, Poll poll, IReadOnlyList<int> choices) =>
        context.Text("Polls_YourAnswer", string.Join(", ", choices.Where(i => i < poll.Options.Count).Select(i => poll.Options[i])));

    /// <summary>The totals only: the number of voters, then each option with a bar, its share and its count.</summary>
    public static string Results(DialogContext context, Poll poll, PollTally tally) => Results(context.Language, poll, tally);

    /// <inheritdoc cref="Results(DialogContext, Poll, PollTally)"/>
    public static string Results(Localization.Language language, Poll poll, PollTally tally)
    {
        var text = new StringBuilder(Texts.Get(language, "Polls_Results", tally.Voters));
        for (var option = 0; option < poll.Options.Count; option++)
        {
            var percent = tally.PercentOf(option);
            text.Append("\n\n").Append(poll.Options[option]).Append('\n')
                .Append(Bar(percent)).Append(' ')
                .Append(percent.ToString(CultureInfo.InvariantCulture)).Append("% (")
                .Append(tally.Counts[option].ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        return text.ToString();
    }

    /// <summary>The button that shows the poll's results by group (<see cref="PollGroupsDialog"/>).</summary>
    public static ReplyButton ByGroupsButton(DialogContext context, Poll poll) =>
        new(context.Text("Polls_ByGroups"), $"{PollGroupsDialog.Command} {poll.Id}");

    /// <summary>
    /// The results by group: the options numbered once (a scale's numbers are their own), then per
    /// group its number of votes and each option's share.
    /// </summary>
    public string Breakdown(DialogContext context, Poll poll, PollBreakdown breakdown)
    {
        var text = new StringBuilder(context.Text("Groups_Title", PollBreakdown.MinGroupSize)).Append("\n\n").Append(poll.Question);
        if (poll.Type != PollType.Scale)
        {
            text.Append('\n').Append(context.Text(
                "Groups_Options", string.Join("; ", poll.Options.Select((label, index) => $"{index + 1} — {label}"))));
        }

        if (breakdown.Sections.Count == 0)
        {
            return text.Append("\n\n").Append(context.Text("Groups_None", PollBreakdown.MinGroupSize)).ToString();
        }

        foreach (var section in breakdown.Sections)
        {
            text.Append("\n\n").Append(context.Text($"Groups_{section.Dimension}"));
            foreach (var group in section.Dimension == BreakdownDimension.Community ? section.Groups.Take(MostCommunityGroups) : section.Groups)
            {
                var shares = string.Join(", ", Enumerable.Range(0, poll.Options.Count).Select(option =>
                    $"{option + 1} — {group.Tally.PercentOf(option).ToString(CultureInfo.InvariantCulture)}%"));
                text.Append('\n').Append(context.Text("Groups_Line", GroupName(context, section.Dimension, group.Label), group.Tally.Voters, shares));
            }

            if (section.Dimension == BreakdownDimension.Community && section.Groups.Count > MostCommunityGroups)
            {
                text.Append('\n').Append(context.Text("Groups_MoreCommunities", section.Groups.Count - MostCommunityGroups));
            }
        }

        return text.ToString();
    }

    private string GroupName(DialogContext context, BreakdownDimension dimension, string label) => dimension switch
    {
        BreakdownDimension.Community => Place(context, label),
        BreakdownDimension.Gender => context.Text($"Groups_Gender_{label}"),
        _ => label,
    };

    /// <summary>A text bar chart of <see cref="BarWidth"/> blocks, such as "█████░░░░░" for 50%.</summary>
    public static string Bar(int percent)
    {
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) * BarWidth / 100.0, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', BarWidth - filled);
    }
}
