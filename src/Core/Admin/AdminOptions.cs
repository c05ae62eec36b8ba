using Hromada.Core.Conversations;

namespace Hromada.Core.Admin;

/// <summary>The "Admin" configuration section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Identities allowed to run the admin commands: "telegram:123456789", "viber:&lt;id&gt;" or "dev:&lt;userId&gt;".</summary>
    public List<string> SuperAdmins { get; set; } = [];

    /// <summary>Reads one <see cref="SuperAdmins"/> entry; null when it is not "channel:id".</summary>
    public static IdentityKey? Parse(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var channelName = colon < 0 ? "" : entry[..colon].Trim();
        var userId = colon < 0 ? "" : entry[(colon + 1)..].Trim();
        return channelName.Length > 0 && userId.Length > 0 && channelName.All(char.IsAsciiLetter)
            && Enum.TryParse<ChannelKind>(channelName, ignoreCase: true, out var channel)
            ? new IdentityKey(channel, userId)
            : null;
    }
}

/// <summary>Who may run the admin commands.</summary>
public interface IAdminDirectory
{
    /// <summary>Every super-admin identity, to tell them what has nobody else to handle it (an unanswered report of a community without moderators).</summary>
    IReadOnlyCollection<IdentityKey> SuperAdmins { get; }

    bool IsSuperAdmin(IdentityKey identity);
}

/// <summary>The super-admins listed in <see cref="AdminOptions"/>.</summary>
public sealed class ConfiguredAdminDirectory(AdminOptions options) : IAdminDirectory
{
    private readonly HashSet<IdentityKey> _superAdmins =
        [.. options.SuperAdmins.Select(AdminOptions.Parse).OfType<IdentityKey>()];

    public IReadOnlyCollection<IdentityKey> SuperAdmins => _superAdmins;

    public bool IsSuperAdmin(IdentityKey identity) => _superAdmins.Contains(identity);
}
