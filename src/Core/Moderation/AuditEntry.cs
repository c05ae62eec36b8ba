namespace Hromada.Core.Moderation;

/// <summary>Who did something in the audit log: an identity such as "telegram:123" (or an API key's id), and their resident.</summary>
public sealed record AuditActor(string Id, string? ResidentId)
{
    /// <summary>
    /// Who a record the actor creates names as its author (an event, a broadcast, a decision): their
    /// resident, the same on every app they linked, or, for an API key, which is nobody's resident, the key.
    /// </summary>
    public string AuthorId => ResidentId ?? Id;
}

/// <summary>
/// One moderator action, or one refused attempt: who, what, on what, in which community, the state
/// before and after (compact JSON or plain text), and when. Entries are only ever added.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Given by the store, increasing: the order entries were written in.</summary>
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required AuditActor Actor { get; init; }

    /// <summary>What was done, one of <see cref="AuditActions"/> (areas add their own, such as "idea.approved").</summary>
    public required string Action { get; init; }

    /// <summary>The community the action concerns, when it concerns one.</summary>
    public string? CommunityId { get; init; }

    /// <summary>What it was done to, as "kind:id", such as "poll:4f2a…" or "resident:9c1b…" (see <see cref="AuditTargets"/>).</summary>
    public required string Target { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }
}

/// <summary>The actions written by the moderation built here; other areas add theirs in the same "thing.done" form.</summary>
public static class AuditActions
{
    public const string RoleGranted = "role.granted";
    public const string RoleRevoked = "role.revoked";
    public const string PollCreated = "poll.created";
    public const string PollClosed = "poll.closed";
    public const string PollApproved = "poll.approved";
    public const string PollRejected = "poll.rejected";
    public const string ResidentBlocked = "resident.blocked";
    public const string ResidentUnblocked = "resident.unblocked";
    public const string IdeaPublished = "idea.published";
    public const string IdeaRejected = "idea.rejected";

    /// <summary>A published idea moved a step on (under consideration, accepted, implemented).</summary>
    public const string IdeaMoved = "idea.moved";
    public const string ReportAcknowledged = "report.acknowledged";
    public const string ReportInProgress = "report.inProgress";
    public const string ReportResolved = "report.resolved";
    public const string ReportRejected = "report.rejected";
    public const string ReportReplied = "report.replied";
    public const string EventCreated = "event.created";

    public const string BroadcastQueued = "broadcast.queued";
    public const string BroadcastCancelled = "broadcast.cancelled";

    /// <summary>Somebody without the role tried an admin command or action; the target names which.</summary>
    public const string Refused = "access.refused";
}

/// <summary>How targets are written, so every area names the same kind of thing the same way.</summary>
public static class AuditTargets
{
    public static string Poll(string pollId) => $"poll:{pollId}";

    public static string Resident(string residentId) => $"resident:{residentId}";

    public static string Idea(string ideaId) => $"idea:{ideaId}";

    /// <summary>A problem report by the number moderators and residents know it by.</summary>
    public static string Report(long number) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"report:{number}");

    public static string Event(string eventId) => $"event:{eventId}";

    public static string Broadcast(string broadcastId) => $"broadcast:{broadcastId}";

    /// <summary>A command or an action that was refused, such as "command:/newpoll".</summary>
    public static string Command(string command) => $"command:{command}";
}

/// <summary>The audit log: written by <see cref="AuditTrail"/>, read by administrators and by /mydata.</summary>
public interface IAuditStore
{
    /// <summary>Adds the entry; the store gives it its <see cref="AuditEntry.Id"/>.</summary>
    Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The latest entries, newest first; of the given communities only, or of all when null.</summary>
    Task<IReadOnlyList<AuditEntry>> ListRecentAsync(
        IReadOnlyCollection<string>? communityIds, int limit, CancellationToken cancellationToken);

    /// <summary>Entries the resident did or that were done to them (target "resident:id"), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListForResidentAsync(string residentId, CancellationToken cancellationToken);
}
