using Hromada.Core.Localization;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>Ids only: message text, phone numbers and locations are residents' personal data; the token never appears.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel is on, receiving updates by {Mode}")]
    public static partial void Enabled(ILogger logger, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel is off (no Telegram:Token)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} from {UserId} stored: {Accepted}")]
    public static partial void Accepted(ILogger logger, int updateId, string userId, bool accepted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram update {UpdateId}: {UserId} reachable {Reachable} (known resident: {Known})")]
    public static partial void ReachabilityChanged(ILogger logger, int updateId, string userId, bool reachable, bool known);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, int updateId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram webhook refused a request without the right secret token")]
    public static partial void WebhookSecretRejected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram webhook refused a body that is not an update: {Problem}")]
    public static partial void WebhookMalformed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be stored; Telegram will deliver it again")]
    public static partial void WebhookStoreFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polled Telegram update {UpdateId} could not be stored; asking for it again")]
    public static partial void PolledUpdateFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram long polling started")]
    public static partial void PollingStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed, trying again: {Problem}")]
    public static partial void PollingFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram webhook set")]
    public static partial void WebhookSet(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Method} failed, trying again: {Problem}")]
    public static partial void SetupFailed(ILogger logger, string method, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram command menu ({Language}) leaves out commands without a Command_<name> text: {Commands}")]
    public static partial void CommandsUndescribed(ILogger logger, Language language, string commands);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram answerCallbackQuery failed: {Problem}")]
    public static partial void CallbackAnswerFailed(ILogger logger, string problem);
}
