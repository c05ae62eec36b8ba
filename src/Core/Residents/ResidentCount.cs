namespace Hromada.Core.Residents;

/// <summary>How many registered residents of a community hold a status.</summary>
/// <param name="CommunityId">Null for residents who have not chosen a community.</param>
public sealed record ResidentCount(string? CommunityId, ResidentStatus Status, int Count);
