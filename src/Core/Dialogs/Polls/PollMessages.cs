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

    /// <summary>A text bar chart of <see cref="BarWidth"/> blocks, such as "█████░░░░░" for 50%.</summary>
    public static string Bar(int percent)
    {
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) * BarWidth / 100.0, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', BarWidth - filled);
    }
}
