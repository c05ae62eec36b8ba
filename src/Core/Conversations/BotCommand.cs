namespace Hromada.Core.Conversations;

/// <summary>A slash command such as "/start payload" or "/start@HromadaBot".</summary>
public sealed record BotCommand(string Name, string Argument)
{
    /// <summary>Reads a command from typed text or from a button whose data is a command.</summary>
    public static BotCommand? From(InboundMessage message) =>
        Parse(message.ButtonData) ?? Parse(message.Text);

    public static BotCommand? Parse(string? text)
    {
        if (text is null || text.Length < 2 || text[0] != '/')
        {
            return null;
        }

        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\n']);
        var head = space < 0 ? trimmed : trimmed[..space];
        var argument = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        return name.Length > 1 ? new BotCommand(name, argument) : null;
    }
}
