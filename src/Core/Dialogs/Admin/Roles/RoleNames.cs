using Hromada.Core.Conversations;
using Hromada.Core.Moderation;

namespace Hromada.Core.Dialogs.Admin.Roles;

/// <summary>How roles are written: on buttons, in the one-line forms, and to the moderator.</summary>
public static class RoleNames
{
    public const string Prefix = "role:";

    /// <summary>The words the one-line /grant takes for each role, in both languages.</summary>
    private static readonly Dictionary<string, Role> Typed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["moderator"] = Role.Moderator,
        ["модератор"] = Role.Moderator,
        ["admin"] = Role.CommunityAdmin,
        ["communityadmin"] = Role.CommunityAdmin,
        ["адмін"] = Role.CommunityAdmin,
        ["адміністратор"] = Role.CommunityAdmin,
    };

    public static Role? Parse(string typed) => Typed.TryGetValue(typed.Trim(), out var role) ? role : null;

    public static Role? FromButton(string? data) =>
        data is not null && data.StartsWith(Prefix, StringComparison.Ordinal)
            && Enum.TryParse<Role>(data[Prefix.Length..], out var role) && Enum.IsDefined(role)
            ? role
            : null;

    public static ReplyButton Button(DialogContext context, Role role) => new(Label(context, role), Prefix + role);

    public static string Label(DialogContext context, Role role) => context.Text($"Role_{role}");
}
