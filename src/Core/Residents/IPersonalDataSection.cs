namespace Hromada.Core.Residents;

/// <summary>
/// One part of what Hromada keeps about a resident beyond their profile (ballots, ideas, reports…),
/// exported by /mydata under <see cref="Name"/> and let go of by /forget (<see cref="ForgetAsync"/>).
/// Each area registers its own section, so neither misses data an area added.
/// </summary>
public interface IPersonalDataSection
{
    /// <summary>The property name in the exported JSON document, such as "ballots".</summary>
    string Name { get; }

    /// <summary>The resident's data of this area, serialisable to JSON; null or empty when there is none.</summary>
    Task<object?> ExportAsync(Resident resident, CancellationToken cancellationToken);

    /// <summary>
    /// What /forget does to the area's data, just before the resident is deleted; run again when a
    /// /forget is retried, so it must be idempotent. By default the data stays, keyed by the resident's
    /// id, which nothing links to a person once the resident is gone (so ballots stay counted).
    /// </summary>
    Task ForgetAsync(Resident resident, CancellationToken cancellationToken) => Task.CompletedTask;
}
