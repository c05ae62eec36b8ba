using System.Text.Json;
using System.Text.Json.Serialization;
using Hromada.Core.Conversations;

namespace Hromada.Persistence.Documents;

/// <summary>How values look inside the documents both providers store.</summary>
internal static class DocumentFormat
{
    /// <summary>For messages kept whole as JSON; enums by name, as everywhere in the stored data.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A channel-scoped value as one string, such as "telegram:123", so one index can keep it unique.</summary>
    public static string Key(ChannelKind channel, string value) =>
        $"{channel.ToString().ToLowerInvariant()}:{value}";

    /// <summary>Dates are stored in UTC; both databases keep them to the millisecond.</summary>
    public static DateTime ToStored(DateTimeOffset value) => value.UtcDateTime;

    /// <summary>LiteDB reads dates back as local time, MongoDB as UTC; both mean the same instant.</summary>
    public static DateTimeOffset FromStored(DateTime value) => new(value.ToUniversalTime(), TimeSpan.Zero);
}
