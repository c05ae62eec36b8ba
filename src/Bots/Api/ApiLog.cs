namespace Hromada.Bots.Api;

/// <summary>What the API changes, with the key that changed it; ids only.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} opened for {CommunityId} through API key {KeyId}")]
    public static partial void PollCreated(ILogger logger, string pollId, string communityId, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} closed through API key {KeyId}")]
    public static partial void PollClosed(ILogger logger, string pollId, string keyId);
}
