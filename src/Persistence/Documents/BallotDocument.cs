using Hromada.Core.Polls;

namespace Hromada.Persistence.Documents;

internal sealed class BallotDocument
{
    /// <summary>The (poll, resident) pair itself, so the primary key allows one ballot per pair.</summary>
    public string Id { get; set; } = "";

    public string PollId { get; set; } = "";

    public string ResidentId { get; set; } = "";

    public List<int> Choices { get; set; } = [];

    public DateTime CastAt { get; set; }

    public int Changes { get; set; }

    public static string KeyOf(string pollId, string residentId) => $"{pollId}/{residentId}";

    public static BallotDocument From(Ballot ballot) => new()
    {
        Id = KeyOf(ballot.PollId, ballot.ResidentId),
        PollId = ballot.PollId,
        ResidentId = ballot.ResidentId,
        Choices = [.. ballot.Choices],
        CastAt = DocumentFormat.ToStored(ballot.CastAt),
        Changes = ballot.Changes,
    };

    public Ballot ToBallot() => new(PollId, ResidentId, [.. Choices], DocumentFormat.FromStored(CastAt), Changes);

    /// <summary>
    /// What a cast makes of the stored ballot (null when there is none): a new ballot, the same one
    /// when the choices are equal, or the new choices with one more change.
    /// </summary>
    public static Ballot Cast(Ballot? stored, string pollId, string residentId, IReadOnlyList<int> choices, DateTimeOffset castAt) =>
        stored switch
        {
            null => new Ballot(pollId, residentId, choices, castAt, Changes: 0),
            _ when stored.Choices.SequenceEqual(choices) => stored,
            _ => stored with { Choices = choices, CastAt = castAt, Changes = stored.Changes + 1 },
        };
}
