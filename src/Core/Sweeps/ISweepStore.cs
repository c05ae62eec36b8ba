namespace Hromada.Core.Sweeps;

/// <summary>What the sweeps keep in the store: who runs each sweep now, and which items a sweep has finished.</summary>
public interface ISweepStore
{
    /// <summary>
    /// Takes the lease on <paramref name="sweep"/> for <paramref name="holder"/> until
    /// <paramref name="until"/>, when nobody holds it, its lease ended by <paramref name="now"/>, or the
    /// holder already holds it. Of several instances asking at once, one gets it.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(
        string sweep, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Ends the holder's lease at once; a lease another holder took meanwhile stays.</summary>
    Task ReleaseLeaseAsync(string sweep, string holder, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="sweep"/> has marked <paramref name="item"/> done.</summary>
    Task<bool> IsDoneAsync(string sweep, string item, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="sweep"/> finished <paramref name="item"/>; marking it again changes nothing.</summary>
    Task MarkDoneAsync(string sweep, string item, DateTimeOffset at, CancellationToken cancellationToken);
}
