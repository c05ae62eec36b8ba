using System.Runtime.CompilerServices;
using Hromada.Core.Polls;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbBallotStore : IBallotStore
{
    private const string Collection = "ballots";

    private const int PageSize = 500;

    private readonly ILiteCollection<BallotDocument> _ballots;

    /// <summary>
    /// Makes the read, the compare and the write of a cast one step, committed together with other
    /// writes; the primary key (poll, resident) keeps one ballot per pair.
    /// </summary>
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var ballots = database.GetCollection<BallotDocument>(Collection);
        ballots.EnsureIndex(d => d.PollId);
        ballots.EnsureIndex(d => d.ResidentId);
    }

    public LiteDbBallotStore(LiteDatabase database, LiteDbWriter writer)
    {
        _ballots = database.GetCollection<BallotDocument>(Collection);
        _writer = writer;
    }

    public Task<Ballot> CastAsync(
        string pollId, string residentId, IReadOnlyList<int> choices, DateTimeOffset castAt, CancellationToken cancellationToken)
    {
        var normalized = Ballot.Normalize(choices);
        return _writer.WriteAsync(() =>
        {
            var stored = _ballots.FindById(BallotDocument.KeyOf(pollId, residentId))?.ToBallot();
            var ballot = BallotDocument.Cast(stored, pollId, residentId, normalized, castAt);
            if (!ReferenceEquals(ballot, stored))
            {
                _ballots.Upsert(BallotDocument.From(ballot));
            }

            return ballot;
        });
    }

    public Task<Ballot?> FindAsync(string pollId, string residentId, CancellationToken cancellationToken) =>
        Task.FromResult(_ballots.FindById(BallotDocument.KeyOf(pollId, residentId))?.ToBallot());

    public Task<PollTally> TallyAsync(Poll poll, CancellationToken cancellationToken)
    {
        var choices = _ballots.Find(d => d.PollId == poll.Id).Select(d => d.Choices);
        return Task.FromResult(PollTally.From(poll.Options.Count, choices));
    }

    public Task<int> CountAsync(string pollId, CancellationToken cancellationToken) =>
        Task.FromResult(_ballots.Count(d => d.PollId == pollId));

    public IAsyncEnumerable<string> ListVoterIdsAsync(string pollId, CancellationToken cancellationToken) =>
        PollBallotsAsync(pollId, cancellationToken).Select(ballot => ballot.ResidentId);

    public Task<IReadOnlyList<Ballot>> ListByResidentAsync(string residentId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Ballot>>([.. _ballots.Find(d => d.ResidentId == residentId).Select(d => d.ToBallot())]);

    public IAsyncEnumerable<Ballot> ListByPollAsync(string pollId, CancellationToken cancellationToken) =>
        PollBallotsAsync(pollId, cancellationToken).Select(ballot => ballot.ToBallot());

    public Task<IReadOnlySet<string>> FindVotersAsync(
        string pollId, IReadOnlyCollection<string> residentIds, CancellationToken cancellationToken)
    {
        var voters = residentIds.Where(id => _ballots.Exists(Query.EQ("_id", BallotDocument.KeyOf(pollId, id)))).ToHashSet();
        return Task.FromResult<IReadOnlySet<string>>(voters);
    }

    /// <summary>
    /// Walks the primary key from "poll/" on, a page at a time: a poll's ballots are one run of keys,
    /// so each page is an index seek, and the walk stops at the first key of another poll. No query
    /// holds the file between pages.
    /// </summary>
    private async IAsyncEnumerable<BallotDocument> PollBallotsAsync(
        string pollId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = BallotDocument.KeyOf(pollId, "");
        while (true)
        {
            var page = _ballots.Query()
                .Where(Query.GT("_id", after))
                .OrderBy("_id")
                .Limit(PageSize)
                .ToList();
            foreach (var ballot in page)
            {
                if (ballot.PollId != pollId)
                {
                    yield break;
                }

                yield return ballot;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
