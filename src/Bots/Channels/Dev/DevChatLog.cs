namespace Hromada.Bots.Channels.Dev;

/// <summary>Ids only: message text, phone numbers and locations are residents' personal data.</summary>
internal static partial class DevChatLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Dev chat is on: open the host's address in a browser to talk to the bot")]
    public static partial void Enabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dev chat is off (a platform token is configured or DevChat:Enabled is false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dev chat accepted update {UpdateId} from {UserId}")]
    public static partial void Accepted(ILogger logger, string updateId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dev chat ignored repeated update {UpdateId} from {UserId}")]
    public static partial void Repeated(ILogger logger, string updateId, string userId);
}
