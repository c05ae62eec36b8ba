using Hromada.Core.Conversations;
using Hromada.Core.Localization;

namespace Hromada.Core.Residents;

/// <summary>
/// Tells a resident something outside a conversation — a moderator's decision, a status change, a
/// reminder — through the outbox, in the resident's language, on the first app that can reach them.
/// </summary>
public sealed class ResidentNotifier(IOutboxStore outbox, OutboxSignal signal, TimeProvider time)
{
    /// <param name="key">
    /// Names this notification, such as "idea:42:accepted"; with the resident's id it is the
    /// message's idempotency key, so notifying again with the same key sends nothing twice.
    /// </param>
    /// <param name="notBefore">Not to be delivered before this time, such as the end of the resident's quiet hours.</param>
    /// <returns>False when no app of the resident can be reached, so nothing was queued.</returns>
    public async Task<bool> NotifyAsync(
        Resident resident,
        string key,
        Func<Language, OutboundReply> compose,
        CancellationToken cancellationToken,
        OutboxPriority priority = OutboxPriority.Reply,
        DateTimeOffset? notBefore = null)
    {
        if (resident.Identities.FirstOrDefault(identity => identity.Reachable) is not { } identity)
        {
            return false;
        }

        var message = new OutboxMessage(
            0, $"{key}:{resident.Id}", identity.Channel, identity.ChatId, compose(resident.Language),
            OutboxStatus.Pending, time.GetUtcNow()) { Priority = priority, NotBefore = notBefore };
        await outbox.AddAsync([message], cancellationToken);
        signal.Notify();
        return true;
    }

    /// <summary>A text from the resources, in the resident's language.</summary>
    public Task<bool> NotifyAsync(
        Resident resident, string key, string textKey, CancellationToken cancellationToken, params object?[] args) =>
        NotifyAsync(resident, key, language => new OutboundReply(Texts.Get(language, textKey, args)), cancellationToken);
}
