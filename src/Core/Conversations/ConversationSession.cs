using Hromada.Core.Localization;

namespace Hromada.Core.Conversations;

/// <summary>
/// Where one identity's conversation stands: the active dialog, its state and collected data.
/// Stateless reads and writes <see cref="State"/> through it (external state storage).
/// </summary>
public sealed class ConversationSession
{
    public required string Key { get; init; }

    public string? Dialog { get; set; }

    public string? State { get; set; }

    public Dictionary<string, string> Data { get; init; } = [];

    /// <summary>The language chosen before registration; a registered resident's own setting wins.</summary>
    public Language? Language { get; set; }

    /// <summary>The inbox sequence of the last message applied, so a handler retried after a crash applies nothing twice.</summary>
    public long LastSequence { get; set; }

    /// <summary>Optimistic concurrency: 0 for a session never stored; each save increments it.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool InDialog => Dialog is not null;

    /// <summary>Stores a collected answer under <paramref name="key"/>, or forgets it when null.</summary>
    public void SetData(string key, string? value)
    {
        if (value is null)
        {
            Data.Remove(key);
        }
        else
        {
            Data[key] = value;
        }
    }

    public void Leave()
    {
        Dialog = null;
        State = null;
        Data.Clear();
    }
}

public interface ISessionStore
{
    Task<ConversationSession?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the session if the stored version still equals <see cref="ConversationSession.Version"/>
    /// (or none is stored and it is 0), then increments the version.
    /// </summary>
    /// <returns>False when another writer saved first; nothing is written then.</returns>
    Task<bool> TrySaveAsync(ConversationSession session, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
