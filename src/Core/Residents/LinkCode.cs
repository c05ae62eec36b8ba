namespace Hromada.Core.Residents;

/// <summary>A one-time code that joins a second app's identity to a resident (/link).</summary>
public sealed record LinkCode(string Code, string ResidentId, DateTimeOffset ExpiresAt);

public interface ILinkCodeStore
{
    /// <summary>Stores the code, replacing any earlier code of the same resident.</summary>
    Task SaveAsync(LinkCode code, CancellationToken cancellationToken);

    /// <summary>Removes the code and returns it if it exists and has not expired at <paramref name="now"/>.</summary>
    Task<LinkCode?> TakeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken);
}
