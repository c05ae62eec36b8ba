namespace Hromada.Bots.Channels.Dev;

/// <summary>The "DevChat" section: the browser chat for trying the bot without a messenger.</summary>
public sealed class DevChatOptions
{
    public const string Section = "DevChat";

    /// <summary>
    /// Unset means on only while no platform token is configured: anyone who reaches the page can
    /// create residents, which a production host must not allow by accident.
    /// </summary>
    public bool? Enabled { get; set; }

    public bool IsEnabled => Enabled == true;
}
