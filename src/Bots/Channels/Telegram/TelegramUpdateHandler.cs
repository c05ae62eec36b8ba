using Hromada.Core.Conversations;
using Hromada.Core.Residents;
using Telegram.Bot.Types;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// Acts on one update, whether it came by webhook or long polling: a resident's message goes to the
/// inbox (where a repeated update id is dropped), a block or unblock updates reachability, and every
/// pressed button is answered so the app stops its spinner. Store failures propagate, so the update
/// is not acknowledged and Telegram delivers it again.
/// </summary>
internal sealed class TelegramUpdateHandler(
    ConversationWorker worker,
    IResidentStore residents,
    TelegramCallbackAnswers callbackAnswers,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        switch (TelegramUpdateMapper.Map(update, time.GetUtcNow()))
        {
            case TelegramUpdateMeaning.Message { Inbound: var inbound }:
                var accepted = await worker.AcceptAsync(inbound, cancellationToken);
                TelegramLog.Accepted(logger, update.Id, inbound.PlatformUserId, accepted);
                break;
            case TelegramUpdateMeaning.ReachabilityChanged { Identity: var identity, Reachable: var reachable }:
                var known = await residents.SetReachableAsync(identity, reachable, cancellationToken);
                TelegramLog.ReachabilityChanged(logger, update.Id, identity.PlatformUserId, reachable, known);
                break;
            case TelegramUpdateMeaning.Ignored { Reason: var reason }:
                TelegramLog.Ignored(logger, update.Id, reason);
                break;
        }

        if (update.CallbackQuery is { } query)
        {
            callbackAnswers.Enqueue(query.Id);
        }
    }
}
