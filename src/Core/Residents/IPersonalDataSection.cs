namespace Hromada.Core.Residents;

/// <summary>
/// One part of what Hromada keeps about a resident beyond their profile (ballots, ideas, reports…),
/// exported by /mydata under <see cref="Name"/>. Each area registers its own section, so /mydata
/// never misses data an area added.
/// </summary>
public interface IPersonalDataSection
{
    /// <summary>The property name in the exported JSON document, such as "ballots".</summary>
    string Name { get; }

    /// <summary>The resident's data of this area, serialisable to JSON; null or empty when there is none.</summary>
    Task<object?> ExportAsync(Resident resident, CancellationToken cancellationToken);
}
