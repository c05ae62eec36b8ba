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
    /// <returns>False when no app of the resident can be reached, so nothing was queued.</returns>
    public async Task<bool> NotifyAsync(
        Resident resident,
        string key,
        Func<Language, OutboundReply> compose,
        CancellationToken cancellationToken,
        OutboxPriority priority = OutboxPriority.Reply) =>
        await NotifyAllAsync([new ResidentNotice(resident, key, compose)], cancellationToken, priority) == 1;

    /// <summary>
    /// Queues the notices with one outbox write, so a sweep that tells thousands of residents costs a
    /// few commits instead of one each; each notice as <see cref="NotifyAsync(Resident, string, Func{Language, OutboundReply}, CancellationToken, OutboxPriority)"/>.
    /// </summary>
    /// <returns>How many notices could be queued: residents no app can reach are left out.</returns>
    public async Task<int> NotifyAllAsync(
        IReadOnlyList<ResidentNotice> notices, CancellationToken cancellationToken, OutboxPriority priority = OutboxPriority.Reply)
    {
        var now = time.GetUtcNow();
        var messages = notices
            .Select(notice => notice.Resident.Identities.FirstOrDefault(identity => identity.Reachable) is { } identity
                ? new OutboxMessage(
                    0, $"{notice.Key}:{notice.Resident.Id}", identity.Channel, identity.ChatId, notice.Compose(notice.Resident.Language),
                    OutboxStatus.Pending, now) { Priority = priority }
                : null)
            .OfType<OutboxMessage>()
            .ToList();
        if (messages.Count > 0)
        {
            await outbox.AddAsync(messages, cancellationToken);
            signal.Notify();
        }

        return messages.Count;
    }

    /// <summary>A text from the resources, in the resident's language.</summary>
    public Task<bool> NotifyAsync(
        Resident resident, string key, string textKey, CancellationToken cancellationToken, params object?[] args) =>
        NotifyAsync(resident, key, language => new OutboundReply(Texts.Get(language, textKey, args)), cancellationToken);
}

/// <summary>One message for <see cref="ResidentNotifier.NotifyAllAsync"/>: to whom, its key, and its text in a language.</summary>
public sealed record ResidentNotice(Resident Resident, string Key, Func<Language, OutboundReply> Compose);
