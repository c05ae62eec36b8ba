namespace Hromada.Bots.Api;

/// <summary>What the API changes, with the key that changed it; ids only.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} opened for {CommunityId} through API key {KeyId}")]
    public static partial void PollCreated(ILogger logger, string pollId, string communityId, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} closed through API key {KeyId}")]
    public static partial void PollClosed(ILogger logger, string pollId, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} created for {CommunityId} through API key {KeyId}, announced to {Announced} residents")]
    public static partial void EventCreated(ILogger logger, string eventId, string communityId, int announced, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} queued for {CommunityId} through API key {KeyId}, {Recipients} recipients")]
    public static partial void BroadcastQueued(ILogger logger, string broadcastId, string communityId, int recipients, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} cancelled through API key {KeyId}")]
    public static partial void BroadcastCancelled(ILogger logger, string broadcastId, string keyId);
}
