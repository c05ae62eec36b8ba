using Hromada.Core.Residents;

namespace Hromada.Core.Polls;

/// <summary>/mydata's "ballots": the resident's own answers, each with its poll's question and the chosen options' labels.</summary>
public sealed class BallotsPersonalData(IBallotStore ballots, IPollStore polls) : IPersonalDataSection
{
    public string Name => "ballots";

    public async Task<object?> ExportAsync(Resident resident, CancellationToken cancellationToken)
    {
        var exported = new List<ExportedBallot>();
        foreach (var ballot in (await ballots.ListByResidentAsync(resident.Id, cancellationToken)).OrderBy(ballot => ballot.CastAt))
        {
            var poll = await polls.GetAsync(ballot.PollId, cancellationToken);
            IReadOnlyList<string> answer = poll is null
                ? []
                : [.. ballot.Choices.Where(choice => choice < poll.Options.Count).Select(choice => poll.Options[choice])];
            exported.Add(new ExportedBallot(ballot.PollId, poll?.Question, answer, ballot.CastAt, ballot.Changes));
        }

        return exported;
    }

    /// <param name="Question">Null when the poll is no longer stored.</param>
    /// <param name="Changes">How many times the resident changed the answer.</param>
    internal sealed record ExportedBallot(string PollId, string? Question, IReadOnlyList<string> Answer, DateTimeOffset CastAt, int Changes);
}
