using Hromada.Core.Ideas;
using Hromada.Core.Polls;

namespace Hromada.Core.Statuses;

/// <summary>Something a resident put forward — a poll proposal or an idea — as the expert and leader rules count it.</summary>
/// <param name="Spheres">The spheres it concerns: it counts for the statuses in those spheres.</param>
public sealed record Proposal(string ResidentId, DateTimeOffset At, IReadOnlyList<string> Spheres);

/// <summary>
/// One kind of proposal the statuses count. Every registered source counts, so a new kind (ideas) is
/// one registration: <c>services.AddSingleton&lt;IProposalSource, …&gt;()</c>.
/// </summary>
public interface IProposalSource
{
    /// <summary>The proposals made at or after <paramref name="since"/>; only <paramref name="residentId"/>'s when given.</summary>
    Task<IReadOnlyList<Proposal>> ListSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken);
}

/// <summary>Poll proposals: every poll a resident proposed or created, whatever became of it.</summary>
public sealed class PollProposals(IPollStore polls) : IProposalSource
{
    public async Task<IReadOnlyList<Proposal>> ListSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken)
    {
        var authored = await polls.ListAuthoredSinceAsync(since, residentId, cancellationToken);
        return [.. authored.Select(poll => new Proposal(poll.AuthorResidentId!, poll.CreatedAt, poll.Spheres))];
    }
}

/// <summary>Ideas: every idea a resident proposed, whatever became of it.</summary>
public sealed class IdeaProposals(IIdeaStore ideas) : IProposalSource
{
    public async Task<IReadOnlyList<Proposal>> ListSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken)
    {
        var proposed = await ideas.ListProposedSinceAsync(since, residentId, cancellationToken);
        return [.. proposed.Select(idea => new Proposal(idea.AuthorResidentId, idea.CreatedAt, [idea.Sphere]))];
    }
}

/// <summary>The one place the statuses read proposals from: all registered <see cref="IProposalSource"/>s together.</summary>
public sealed class ProposalHistory(IEnumerable<IProposalSource> sources)
{
    public async Task<IReadOnlyList<Proposal>> ListSinceAsync(DateTimeOffset since, string? residentId, CancellationToken cancellationToken)
    {
        var proposals = new List<Proposal>();
        foreach (var source in sources)
        {
            proposals.AddRange(await source.ListSinceAsync(since, residentId, cancellationToken));
        }

        return proposals;
    }
}
