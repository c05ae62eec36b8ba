using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Moderation;

/// <summary>
/// The one way moderator actions reach the audit log, and the one way a refused attempt is logged
/// and audited, so no admin dialog, service or API endpoint writes its own variant.
/// </summary>
public sealed partial class AuditTrail(IAuditStore store, TimeProvider time, ILogger<AuditTrail> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Writes what <paramref name="actor"/> did. <paramref name="before"/> and <paramref name="after"/>
    /// are the state of the target around the action: text as it is, anything else as compact JSON.
    /// </summary>
    public async Task<AuditEntry> RecordAsync(
        AuditActor actor,
        string action,
        string target,
        string? communityId,
        object? before,
        object? after,
        CancellationToken cancellationToken)
    {
        var entry = await store.AppendAsync(
            new AuditEntry
            {
                At = time.GetUtcNow(),
                Actor = actor,
                Action = action,
                CommunityId = communityId,
                Target = target,
                Before = Describe(before),
                After = Describe(after),
            },
            cancellationToken);
        LogRecorded(entry.Id, action, actor.Id, target, communityId);
        return entry;
    }

    /// <summary>
    /// Logs (ids only, never names or texts) and audits an attempt the actor had no role for:
    /// <paramref name="attempt"/> names it, such as "/newpoll" or "poll.close".
    /// </summary>
    public Task<AuditEntry> RefusedAsync(
        AuditActor actor, string attempt, string? communityId, CancellationToken cancellationToken)
    {
        LogRefused(attempt, actor.Id, actor.ResidentId, communityId);
        return RecordAsync(actor, AuditActions.Refused, AuditTargets.Command(attempt), communityId, null, null, cancellationToken);
    }

    /// <summary>
    /// Whether the moderator may act in <paramref name="communityId"/>; when not, the attempt is
    /// audited as refused, so every moderation service checks and records a refusal the same way.
    /// </summary>
    public async Task<bool> AdmitsAsync(ModeratorScope by, string attempt, string communityId, CancellationToken cancellationToken)
    {
        if (by.MayModerate(communityId))
        {
            return true;
        }

        await RefusedAsync(by.Actor, attempt, communityId, cancellationToken);
        return false;
    }

    /// <summary>
    /// The first step of every action on one thing, shared by the moderation services: the thing must
    /// be there (<paramref name="subject"/> not null), and in a community the moderator may act in,
    /// else the attempt is audited as refused. Done hands the thing on to the action.
    /// </summary>
    public async Task<Moderated<T>> AdmitAsync<T>(
        ModeratorScope by, string attempt, T? subject, Func<T, string> communityOf, CancellationToken cancellationToken)
        where T : class
    {
        if (subject is null)
        {
            return new Moderated<T>(ModerationOutcome.NotFound, null);
        }

        return await AdmitsAsync(by, attempt, communityOf(subject), cancellationToken)
            ? new Moderated<T>(ModerationOutcome.Done, subject)
            : new Moderated<T>(ModerationOutcome.Refused, null);
    }

    private static string? Describe(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit {EntryId}: {Action} by {Actor} on {Target} in {CommunityId}")]
    private partial void LogRecorded(long entryId, string action, string actor, string target, string? communityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Attempt} from {Actor} (resident {ResidentId}) in {CommunityId}: no role for it")]
    private partial void LogRefused(string attempt, string actor, string? residentId, string? communityId);
}
