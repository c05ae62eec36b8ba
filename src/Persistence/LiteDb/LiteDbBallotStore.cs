using Hromada.Core.Polls;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbBallotStore : IBallotStore
{
    private readonly ILiteCollection<BallotDocument> _ballots;

    /// <summary>
    /// Makes the read, the compare and the write of a cast one step, committed together with other
    /// writes; the primary key (poll, resident) keeps one ballot per pair.
    /// </summary>
    private readonly LiteDbWriter _writer;

    public LiteDbBallotStore(LiteDatabase database, LiteDbWriter writer)
    {
        _ballots = database.GetCollection<BallotDocument>("ballots");
        _ballots.EnsureIndex(d => d.PollId);
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
}
