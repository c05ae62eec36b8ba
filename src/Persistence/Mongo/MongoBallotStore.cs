using System.Runtime.CompilerServices;
using Hromada.Core.Polls;
using Hromada.Persistence.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

internal sealed class MongoBallotStore(IMongoDatabase database) : IBallotStore
{
    private const int BatchSize = 500;

    private readonly IMongoCollection<BallotDocument> _ballots = Collection(database);

    public static IMongoCollection<BallotDocument> Collection(IMongoDatabase database) =>
        database.GetCollection<BallotDocument>("ballots");

    /// <summary>
    /// One ballot per (poll, resident): the _id is that pair, and the unique index says so explicitly
    /// for any other writer; its PollId prefix also serves the tally, the count and the list by poll.
    /// The ResidentId index serves a resident's own ballots.
    /// </summary>
    public static Task CreateIndexesAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var keys = Builders<BallotDocument>.IndexKeys;
        return Collection(database).Indexes.CreateManyAsync(
            [
                new(keys.Ascending(d => d.PollId).Ascending(d => d.ResidentId), new CreateIndexOptions { Unique = true }),
                new(keys.Ascending(d => d.ResidentId)),
            ],
            cancellationToken);
    }

    /// <summary>
    /// Compare-and-set: an insert the unique key refuses to a second writer, or a replace that only
    /// matches the ballot as it was read (its change count is its version). A writer that loses reads again.
    /// </summary>
    public async Task<Ballot> CastAsync(
        string pollId, string residentId, IReadOnlyList<int> choices, DateTimeOffset castAt, CancellationToken cancellationToken)
    {
        var key = BallotDocument.KeyOf(pollId, residentId);
        var normalized = Ballot.Normalize(choices);
        while (true)
        {
            var stored = (await _ballots.Find(d => d.Id == key).FirstOrDefaultAsync(cancellationToken))?.ToBallot();
            var ballot = BallotDocument.Cast(stored, pollId, residentId, normalized, castAt);
            if (ReferenceEquals(ballot, stored))
            {
                return ballot;
            }

            if (stored is null)
            {
                try
                {
                    await _ballots.InsertOneAsync(BallotDocument.From(ballot), cancellationToken: cancellationToken);
                    return ballot;
                }
                catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
                {
                    continue; // Another cast of the same pair was first.
                }
            }

            var replaced = await _ballots.ReplaceOneAsync(
                d => d.Id == key && d.Changes == stored.Changes,
                BallotDocument.From(ballot),
                cancellationToken: cancellationToken);
            if (replaced.MatchedCount == 1)
            {
                return ballot;
            }
        }
    }

    public async Task<Ballot?> FindAsync(string pollId, string residentId, CancellationToken cancellationToken)
    {
        var key = BallotDocument.KeyOf(pollId, residentId);
        var document = await _ballots.Find(d => d.Id == key).FirstOrDefaultAsync(cancellationToken);
        return document?.ToBallot();
    }

    /// <summary>The database counts: each option's ballots by unwinding the choices, and the ballots.</summary>
    public async Task<PollTally> TallyAsync(Poll poll, CancellationToken cancellationToken)
    {
        var perOption = await _ballots.Aggregate()
            .Match(d => d.PollId == poll.Id)
            .Unwind(d => d.Choices)
            .Group(new BsonDocument { { "_id", "$Choices" }, { "count", new BsonDocument("$sum", 1) } })
            .ToListAsync(cancellationToken);
        var counts = new int[poll.Options.Count];
        foreach (var row in perOption)
        {
            var option = row["_id"].ToInt32();
            if (option >= 0 && option < counts.Length)
            {
                counts[option] = row["count"].ToInt32();
            }
        }

        return new PollTally(counts, await CountAsync(poll.Id, cancellationToken));
    }

    public async Task<int> CountAsync(string pollId, CancellationToken cancellationToken) =>
        (int)await _ballots.CountDocumentsAsync(d => d.PollId == pollId, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<Ballot>> ListByResidentAsync(string residentId, CancellationToken cancellationToken)
    {
        var documents = await _ballots.Find(d => d.ResidentId == residentId).ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToBallot())];
    }

    public async IAsyncEnumerable<Ballot> ListByPollAsync(string pollId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var documents = _ballots.Find(d => d.PollId == pollId).ToAsyncEnumerable();
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            yield return document.ToBallot();
        }
    }

    /// <summary>One cursor over the (poll, resident) index, read a batch at a time as it is consumed.</summary>
    public async IAsyncEnumerable<string> ListVoterIdsAsync(
        string pollId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cursor = await _ballots.Find(d => d.PollId == pollId, new FindOptions { BatchSize = BatchSize })
            .Project(d => d.ResidentId)
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var residentId in cursor.Current)
            {
                yield return residentId;
            }
        }
    }

    public async Task<IReadOnlySet<string>> FindVotersAsync(
        string pollId, IReadOnlyCollection<string> residentIds, CancellationToken cancellationToken)
    {
        var keys = residentIds.Select(id => BallotDocument.KeyOf(pollId, id));
        var voters = await _ballots.Find(Builders<BallotDocument>.Filter.In(d => d.Id, keys))
            .Project(d => d.ResidentId)
            .ToListAsync(cancellationToken);
        return voters.ToHashSet();
    }
}
