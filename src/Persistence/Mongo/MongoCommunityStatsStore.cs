using Hromada.Core.Communities;
using Hromada.Core.Moderation;
using Hromada.Persistence.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Hromada.Persistence.Mongo;

/// <summary>The database groups the residents (there may be hundreds of thousands); polls are few and are read whole.</summary>
internal sealed class MongoCommunityStatsStore(IMongoDatabase database) : ICommunityStatsStore
{
    private readonly IMongoCollection<ResidentDocument> _residents = MongoResidentStore.Collection(database);
    private readonly IMongoCollection<PollDocument> _polls = MongoPollStore.Collection(database);
    private readonly IMongoCollection<BallotDocument> _ballots = MongoBallotStore.Collection(database);

    public async Task<CommunityStats> CountAsync(IReadOnlyCollection<string>? communityIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var residents = await CountResidentsAsync(communityIds, cancellationToken);

        var pollFilter = communityIds is null ? Builders<PollDocument>.Filter.Empty : Builders<PollDocument>.Filter.In(d => d.CommunityId, communityIds);
        var polls = (await _polls.Find(pollFilter)
                .Project(d => new { d.Id, d.CommunityId, d.Status, d.OpensAt, d.ClosesAt, d.AuthorResidentId })
                .ToListAsync(cancellationToken))
            .Select(d => new PollRow(d.Id, d.CommunityId, d.Status, d.OpensAt, d.ClosesAt, d.AuthorResidentId))
            .ToList();

        var counted = polls.Where(poll => !StatsRows.IsProposal(poll)).Select(poll => poll.Id).ToList();
        var ballots = (await _ballots.Aggregate()
                .Match(Builders<BallotDocument>.Filter.In(d => d.PollId, counted))
                .Group(d => d.PollId, group => new { PollId = group.Key, Count = group.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(row => row.PollId, row => row.Count);

        var authors = polls.Where(StatsRows.IsProposal).Select(poll => poll.AuthorResidentId).OfType<string>().Distinct().ToList();
        var blockedAuthors = authors.Count == 0
            ? []
            : (await _residents.Find(Builders<ResidentDocument>.Filter.In(d => d.Id, authors) & Builders<ResidentDocument>.Filter.Ne(d => d.BlockedAt, null))
                .Project(d => d.Id)
                .ToListAsync(cancellationToken)).ToHashSet();

        return StatsRows.Build(residents, polls, now, ballots, blockedAuthors);
    }

    /// <summary>Registered residents grouped by community, status and whether they are blocked; no community means the national level.</summary>
    private async Task<IReadOnlyList<ResidentCountRow>> CountResidentsAsync(IReadOnlyCollection<string>? communityIds, CancellationToken cancellationToken)
    {
        var filter = Builders<ResidentDocument>.Filter.Ne(d => d.RegisteredAt, null);
        if (communityIds is not null)
        {
            var inCommunities = Builders<ResidentDocument>.Filter.In(d => d.CommunityId, communityIds);
            filter &= communityIds.Contains(Community.NationalId)
                ? inCommunities | Builders<ResidentDocument>.Filter.Eq(d => d.CommunityId, null)
                : inCommunities;
        }

        var groups = await _residents.Aggregate()
            .Match(filter)
            .Group(new BsonDocument
            {
                ["_id"] = new BsonDocument
                {
                    ["community"] = "$CommunityId",
                    ["status"] = "$Status",
                    ["blocked"] = new BsonDocument("$gt", new BsonArray { "$BlockedAt", BsonNull.Value }),
                },
                ["count"] = new BsonDocument("$sum", 1),
            })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(group =>
        {
            var key = group["_id"].AsBsonDocument;
            var community = key.GetValue("community", BsonNull.Value);
            return new ResidentCountRow(community.IsBsonNull ? null : community.AsString, key["status"].AsString, key["blocked"].AsBoolean, group["count"].ToInt32());
        })];
    }
}
