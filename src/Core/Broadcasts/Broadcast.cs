using Hromada.Core.Communities;
using Hromada.Core.Residents;
using Hromada.Core.Subscriptions;

namespace Hromada.Core.Broadcasts;

/// <summary>Where a broadcast is in its life; stored by name.</summary>
public enum BroadcastStatus
{
    /// <summary>Being written in /broadcast; nothing is stored in this state yet, it names the dialog's draft.</summary>
    Draft,

    /// <summary>Confirmed: waiting for <see cref="BroadcastSender"/> to put its messages in the outbox.</summary>
    Queued,

    /// <summary>Every message is in the outbox; the dispatcher delivers them at the platform rate.</summary>
    Sending,

    /// <summary>Nothing of it is pending in the outbox any more.</summary>
    Done,

    Cancelled,
}

/// <summary>
/// Who a broadcast goes to: the followers of <see cref="Communities"/> (everyone when null or when the
/// national level is among them), narrowed to residents following one of <see cref="Spheres"/> and
/// holding one of <see cref="Statuses"/> when those are given.
/// </summary>
public sealed record BroadcastAudience(
    IReadOnlyList<string>? Communities, IReadOnlyList<string> Spheres, IReadOnlyList<ResidentStatus> Statuses)
{
    /// <summary>The community ids to page followers of; null for every registered resident.</summary>
    public IReadOnlyCollection<string>? Followed =>
        Communities is null || Communities.Contains(Community.NationalId) ? null : Communities;

    /// <summary>Whether the resident is in the audience (the communities are the store's filter).</summary>
    public bool Includes(Resident resident) =>
        !resident.IsBlocked
        && (Spheres.Count == 0 || Spheres.Any(Subscription.Of(resident).Spheres.Contains))
        && (Statuses.Count == 0 || Statuses.Contains(resident.Status));
}

/// <summary>
/// A moderator's message to many residents, sent through the outbox as one Broadcast-priority message
/// per recipient (idempotency key <see cref="KeyFor"/>), so replies always go first and nobody gets it twice.
/// </summary>
public sealed record Broadcast
{
    public required string Id { get; init; }

    /// <summary>
    /// The author as <see cref="Moderation.AuditActor.AuthorId"/> names them: their resident, or an API
    /// key's "api:&lt;id&gt;", so each lists their own broadcasts (<see cref="IBroadcastStore.ListRecentAsync"/>).
    /// </summary>
    public required string AuthorResidentId { get; init; }

    /// <summary>The author's identity as the audit log names them ("telegram:123").</summary>
    public required string AuthorActorId { get; init; }

    public required BroadcastAudience Audience { get; init; }

    public required string Text { get; init; }

    public string? PhotoId { get; init; }

    public BroadcastStatus Status { get; init; } = BroadcastStatus.Queued;

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Residents it was queued for (set when the queueing ends).</summary>
    public int Recipients { get; init; }

    /// <summary>Residents of the audience no app could reach when it was queued; they get no message.</summary>
    public int Unreachable { get; init; }

    /// <summary>The idempotency-key prefix every message of this broadcast shares.</summary>
    public string KeyPrefix => $"broadcast:{Id}:";

    public string KeyFor(string residentId) => KeyPrefix + residentId;

    /// <summary>The one community it concerns for the audit log, when it concerns exactly one.</summary>
    public string? CommunityId => Audience.Communities is [var only] ? only : null;
}

/// <summary>Where a broadcast's messages are, counted from the outbox.</summary>
/// <param name="Queued">Still pending delivery.</param>
/// <param name="Unreachable">Dropped by the dispatcher (the resident blocked the bot), or unreachable when queued.</param>
public sealed record BroadcastProgress(int Queued, int Sent, int Failed, int Unreachable);

public interface IBroadcastStore
{
    Task SaveAsync(Broadcast broadcast, CancellationToken cancellationToken);

    Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Broadcasts in <paramref name="status"/>, oldest first.</summary>
    Task<IReadOnlyList<Broadcast>> ListByStatusAsync(BroadcastStatus status, CancellationToken cancellationToken);

    /// <summary>The author's latest broadcasts (by <see cref="Broadcast.AuthorResidentId"/>), newest first.</summary>
    Task<IReadOnlyList<Broadcast>> ListRecentAsync(string authorResidentId, int limit, CancellationToken cancellationToken);
}
