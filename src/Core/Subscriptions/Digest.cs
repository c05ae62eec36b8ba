using System.Text;
using Hromada.Core.Conversations;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Polls;

namespace Hromada.Core.Subscriptions;

/// <summary>
/// The daily or weekly digest of one subscriber: the events and polls that appeared in its
/// <see cref="DigestPeriod"/>, since the last digest, as one message. Pure, so the scheduler that
/// sends digests decides only when and to whom.
/// </summary>
public static class Digest
{
    /// <summary>Lines per section at most; the rest is counted, and /events and /polls show them all.</summary>
    public const int MaxLines = 10;

    /// <summary>
    /// Of <paramref name="events"/> and <paramref name="polls"/> (the candidates: say, the upcoming
    /// events and open polls of the subscription's places), those the subscription matches that
    /// appeared in <paramref name="period"/>: events created in it and still to come at
    /// <paramref name="now"/>, soonest first; polls opened in it and still open, closing soonest first.
    /// What appeared after the period's end waits for the next digest, even when this one is sent late.
    /// </summary>
    /// <returns>Null when nothing is new, so no empty digest is sent.</returns>
    public static OutboundReply? Compose(
        Subscription subscription,
        Language language,
        DigestPeriod period,
        DateTimeOffset now,
        IEnumerable<CivicEvent> events,
        IEnumerable<Poll> polls)
    {
        var newEvents = events
            .Where(e => subscription.Matches(e) && period.Covers(e.CreatedAt) && e.IsUpcomingAt(now))
            .OrderBy(e => e.StartsAt)
            .ToList();
        var newPolls = polls
            .Where(poll => subscription.Matches(poll) && period.Covers(poll.OpensAt ?? poll.CreatedAt) && poll.IsOpenAt(now))
            .OrderBy(poll => poll.ClosesAt ?? DateTimeOffset.MaxValue)
            .ToList();
        if (newEvents.Count == 0 && newPolls.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(Texts.Get(language, "Digest_Title", KyivTime.Format(period.Since)));
        var buttons = new List<ReplyButton>();
        if (newEvents.Count > 0)
        {
            Section(text, language, "Digest_Events", newEvents.Select(e => EventMessages.Line(language, e)).ToList());
            buttons.Add(new ReplyButton(Texts.Get(language, "Menu_Events"), EventMessages.Command));
        }

        if (newPolls.Count > 0)
        {
            Section(text, language, "Digest_Polls", newPolls.Select(poll => poll.Question).ToList());
            buttons.Add(new ReplyButton(Texts.Get(language, "Menu_Polls"), "/polls"));
        }

        return new OutboundReply(text.ToString()) { Buttons = [buttons] };
    }

    private static void Section(StringBuilder text, Language language, string titleKey, List<string> lines)
    {
        text.Append("\n\n").Append(Texts.Get(language, titleKey));
        foreach (var line in lines.Take(MaxLines))
        {
            text.Append("\n• ").Append(line);
        }

        if (lines.Count > MaxLines)
        {
            text.Append('\n').Append(Texts.Get(language, "Digest_More", lines.Count - MaxLines));
        }
    }
}
