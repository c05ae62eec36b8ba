using Hromada.Core.Polls;
using Hromada.Core.Residents;

namespace Hromada.Core.Statuses;

/// <summary>A resident's answer to one poll, reduced to what the figures count.</summary>
/// <param name="Poll">The poll's index in the <see cref="ParticipationBook"/>.</param>
/// <param name="Changed">The resident changed the vote at least once: not answered, for the expert and leader thresholds.</param>
/// <param name="WithMajority">Whether the answer agrees with the poll's <see cref="PollMajority"/>; null while the poll is open, or when it has none.</param>
public readonly record struct PollAnswer(int Poll, bool Changed, bool? WithMajority);

/// <summary>A resident's figures overall and in each sphere where polls were open to them.</summary>
/// <param name="OpenUnanswered">Polls open to the resident now that they have not answered yet.</param>
/// <param name="ProposedThisMonth">They proposed something in the current month (UTC, as <see cref="StatusRules.MonthsToConsider"/>).</param>
public sealed record ResidentFigures(
    Participation Overall,
    IReadOnlyDictionary<string, Participation> BySphere,
    int OpenUnanswered,
    bool ProposedThisMonth);

/// <summary>
/// The polls put to the vote, and the one computation of a resident's <see cref="Participation"/>
/// from their answers and proposals (DESIGN §5), shared by /status (one resident) and the nightly
/// recomputation (everyone). Built once per computation at <c>now</c>.
/// </summary>
public sealed class ParticipationBook
{
    private readonly StatusRules _rules;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, int> _indexes = [];
    private readonly Dictionary<string, List<int>> _byCommunity = [];

    /// <param name="polls">Polls put to the vote (open or closed), as <see cref="IPollStore.ListPutToVoteAsync"/> gives them.</param>
    public ParticipationBook(IReadOnlyList<Poll> polls, StatusRules rules, DateTimeOffset now)
    {
        Polls = polls;
        _rules = rules;
        _now = now;
        for (var index = 0; index < polls.Count; index++)
        {
            _indexes[polls[index].Id] = index;
            if (!_byCommunity.TryGetValue(polls[index].CommunityId, out var ofCommunity))
            {
                _byCommunity[polls[index].CommunityId] = ofCommunity = [];
            }

            ofCommunity.Add(index);
        }
    }

    public IReadOnlyList<Poll> Polls { get; }

    /// <summary>The poll's index, or -1 when the book does not hold it.</summary>
    public int IndexOf(string pollId) => _indexes.GetValueOrDefault(pollId, -1);

    /// <summary>
    /// The moment from which proposals count: the start of the first month considered for
    /// <paramref name="resident"/>, or for anyone (the longest window) when null.
    /// </summary>
    public DateTimeOffset ProposalsCountFrom(Resident? resident) =>
        MonthStart(_rules.MonthsToConsider(resident?.RegisteredAt ?? DateTimeOffset.MinValue, _now)[0]);

    /// <summary>
    /// The polls open to the resident while a member — put to the vote in their community or at the
    /// national level, with an open period (opening to closing) that overlaps their membership, from
    /// <see cref="Resident.RegisteredAt"/> to now, also when they joined mid-poll — and what they did
    /// with them; overall and per sphere (the polls carrying the sphere, the proposals concerning it).
    /// </summary>
    /// <param name="answers">The resident's answers; answers to polls not open to them are not counted.</param>
    /// <param name="proposals">The resident's own proposals, at least those since <see cref="ProposalsCountFrom"/>.</param>
    public ResidentFigures FiguresOf(Resident resident, ReadOnlySpan<PollAnswer> answers, IReadOnlyList<Proposal> proposals)
    {
        var memberSince = resident.RegisteredAt ?? throw new ArgumentException("Only a registered resident has figures.", nameof(resident));
        var overall = new Counts();
        var bySphere = new Dictionary<string, Counts>();
        var openUnanswered = 0;
        foreach (var community in PollAudience.CommunitiesOf(resident))
        {
            foreach (var index in _byCommunity.GetValueOrDefault(community) ?? [])
            {
                var poll = Polls[index];
                if (!OpenDuring(poll, memberSince))
                {
                    continue;
                }

                var answer = Find(answers, index);
                overall.Add(answer);
                foreach (var sphere in poll.Spheres)
                {
                    if (!bySphere.TryGetValue(sphere, out var counts))
                    {
                        bySphere[sphere] = counts = new Counts();
                    }

                    counts.Add(answer);
                }

                openUnanswered += answer is null && poll.IsOpenAt(_now) ? 1 : 0;
            }
        }

        var months = _rules.MonthsToConsider(memberSince, _now);
        var proposalMonths = proposals.Select(proposal => (Month: MonthOf(proposal.At), proposal.Spheres)).Where(p => months.Contains(p.Month)).ToList();
        return new ResidentFigures(
            overall.ToParticipation(months.Count, proposalMonths.Select(p => p.Month).Distinct().Count()),
            bySphere.ToDictionary(
                pair => pair.Key,
                pair => pair.Value.ToParticipation(
                    months.Count, proposalMonths.Where(p => p.Spheres.Contains(pair.Key)).Select(p => p.Month).Distinct().Count())),
            openUnanswered,
            proposalMonths.Any(p => p.Month == months[^1]));
    }

    /// <summary>Whether the poll's open period overlaps the membership from <paramref name="memberSince"/> to now.</summary>
    private bool OpenDuring(Poll poll, DateTimeOffset memberSince) =>
        (poll.OpensAt ?? poll.CreatedAt) <= _now && (poll.ClosesAt is not { } closesAt || closesAt > memberSince);

    private static PollAnswer? Find(ReadOnlySpan<PollAnswer> answers, int poll)
    {
        foreach (var answer in answers)
        {
            if (answer.Poll == poll)
            {
                return answer;
            }
        }

        return null;
    }

    private static DateOnly MonthOf(DateTimeOffset time) => new(time.UtcDateTime.Year, time.UtcDateTime.Month, 1);

    private static DateTimeOffset MonthStart(DateOnly month) => new(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The poll counts of one scope (overall, or one sphere) as they are added up.</summary>
    private sealed class Counts
    {
        private int _open;
        private int _answered;
        private int _unchanged;
        private int _closedAnswered;
        private int _withMajority;

        public void Add(PollAnswer? answer)
        {
            _open++;
            if (answer is not { } given)
            {
                return;
            }

            _answered++;
            _unchanged += given.Changed ? 0 : 1;
            if (given.WithMajority is { } agrees)
            {
                _closedAnswered++;
                _withMajority += agrees ? 1 : 0;
            }
        }

        public Participation ToParticipation(int monthsConsidered, int monthsWithProposal) =>
            new(_open, _answered, _unchanged, _closedAnswered, _withMajority, monthsConsidered, monthsWithProposal);
    }
}
