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

        await outbox.AddAsync([Message(resident, identity, key, compose(resident.Language), priority, notBefore)], cancellationToken);
        signal.Notify();
        return true;
    }

    /// <summary>
    /// Tells each of <paramref name="residents"/> the same thing, queued in one store write (one
    /// commit rather than one per resident), each text composed once per language. Residents no app
    /// can reach are left out. Keys work as in <see cref="NotifyAsync(Resident, string, Func{Language, OutboundReply}, CancellationToken, OutboxPriority, DateTimeOffset?)"/>.
    /// </summary>
    /// <returns>How many messages were handed to the outbox (those sent before under the same key are not sent again).</returns>
    public async Task<int> NotifyAllAsync(
        IReadOnlyList<Resident> residents,
        string key,
        Func<Language, OutboundReply> compose,
        OutboxPriority priority,
        CancellationToken cancellationToken)
    {
        var replies = new Dictionary<Language, OutboundReply>();
        var messages = new List<OutboxMessage>(residents.Count);
        foreach (var resident in residents)
        {
            if (resident.Identities.FirstOrDefault(identity => identity.Reachable) is { } identity)
            {
                if (!replies.TryGetValue(resident.Language, out var reply))
                {
                    replies[resident.Language] = reply = compose(resident.Language);
                }

                messages.Add(Message(resident, identity, key, reply, priority, notBefore: null));
            }
        }

        if (messages.Count > 0)
        {
            await outbox.AddAsync(messages, cancellationToken);
            signal.Notify();
        }

        return messages.Count;
    }

    /// <summary>
    /// Tells each resident of <paramref name="notices"/> their own thing, queued in one store write, as
    /// a sweep that tells thousands of residents different things needs. Residents no app can reach are
    /// left out; keys work as in <see cref="NotifyAsync(Resident, string, Func{Language, OutboundReply}, CancellationToken, OutboxPriority, DateTimeOffset?)"/>.
    /// </summary>
    /// <returns>How many messages were handed to the outbox.</returns>
    public async Task<int> NotifyEachAsync(
        IReadOnlyList<ResidentNotice> notices, OutboxPriority priority, CancellationToken cancellationToken)
    {
        var messages = notices
            .Select(notice => notice.Resident.Identities.FirstOrDefault(identity => identity.Reachable) is { } identity
                ? Message(notice.Resident, identity, notice.Key, notice.Compose(notice.Resident.Language), priority, notice.NotBefore)
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

    private OutboxMessage Message(
        Resident resident, ChannelIdentity identity, string key, OutboundReply reply, OutboxPriority priority, DateTimeOffset? notBefore) =>
        new(0, $"{key}:{resident.Id}", identity.Channel, identity.ChatId, reply, OutboxStatus.Pending, time.GetUtcNow())
        {
            Priority = priority,
            NotBefore = notBefore,
        };
}

/// <summary>One message for <see cref="ResidentNotifier.NotifyEachAsync"/>: to whom, its key, its text in a language, and not before when.</summary>
public sealed record ResidentNotice(Resident Resident, string Key, Func<Language, OutboundReply> Compose, DateTimeOffset? NotBefore = null);
