using Hromada.Core.Reports;

namespace Hromada.Bots.Open311;

/// <summary>What Open311 changes, with the key that changed it; ids only.</summary>
internal static partial class Open311Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Number} filed for {CommunityId} in {Category} through Open311 with API key {KeyId}")]
    public static partial void RequestFiled(ILogger logger, long number, string communityId, ReportCategory category, string keyId);
}
