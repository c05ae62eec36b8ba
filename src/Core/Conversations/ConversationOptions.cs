using System.ComponentModel.DataAnnotations;

namespace Hromada.Core.Conversations;

/// <summary>The "Conversations" configuration section.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>A dialog left untouched this long is reset on the next message.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Conversations:IdleTimeout must be between 1 minute and 30 days.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many residents' messages are handled in parallel.</summary>
    [Range(1, 256, ErrorMessage = "Conversations:Lanes must be between 1 and 256.")]
    public int Lanes { get; set; } = 16;
}
