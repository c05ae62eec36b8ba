using Hromada.Core.Polls;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbBallotStore : IBallotStore
{
    private readonly ILiteCollection<BallotDocument> _ballots;

    /// <summary>
    /// Makes the read, the compare and the write of a cast one step; the primary key (poll, resident)
    /// keeps one ballot per pair, and the file has no other writer (direct mode).
    /// </summary>
    private readonly Lock _castLock = new();

    public LiteDbBallotStore(LiteDatabase database)
    {
        _ballots = database.GetCollection<BallotDocument>("ballots");
        _ballots.EnsureIndex(d => d.PollId);
        _ballots.EnsureIndex(d => d.ResidentId);
    }

    public Task<Ballot> CastAsync(
        string pollId, string residentId, IReadOnlyList<int> choices, DateTimeOffset castAt, CancellationToken cancellationToken)
    {
        lock (_castLock)
        {
            var stored = _ballots.FindById(BallotDocument.KeyOf(pollId, residentId))?.ToBallot();
            var ballot = BallotDocument.Cast(stored, pollId, residentId, Ballot.Normalize(choices), castAt);
            if (!ReferenceEquals(ballot, stored))
            {
                _ballots.Upsert(BallotDocument.From(ballot));
            }

            return Task.FromResult(ballot);
        }
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

    public Task<IReadOnlyList<Ballot>> ListByResidentAsync(string residentId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Ballot>>([.. _ballots.Find(d => d.ResidentId == residentId).Select(d => d.ToBallot())]);

    /// <summary>Read whole before it is handed out (one poll's ballots): no LiteDB cursor stays open while the caller works.</summary>
    public IAsyncEnumerable<Ballot> ListByPollAsync(string pollId, CancellationToken cancellationToken) =>
        _ballots.Find(d => d.PollId == pollId).Select(d => d.ToBallot()).ToList().ToAsyncEnumerable();
}
