using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using TelegramBotCommand = Telegram.Bot.Types.BotCommand;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// The command menu Telegram shows next to the input field: every dialog's commands plus /cancel,
/// each described by the text <c>Command_&lt;name&gt;</c> in the resident's language. A command
/// without such a text is left out rather than shown undescribed.
/// </summary>
internal static class TelegramCommands
{
    private const string Cancel = "/cancel";

    /// <returns>The commands to publish, and the names of those left out for want of a description.</returns>
    public static (IReadOnlyList<TelegramBotCommand> Commands, IReadOnlyList<string> Undescribed) For(IEnumerable<IDialog> dialogs, Language language)
    {
        var commands = new List<TelegramBotCommand>();
        var missing = new List<string>();
        foreach (var command in dialogs.SelectMany(dialog => dialog.Commands).Append(Cancel).Distinct(StringComparer.Ordinal))
        {
            var name = command.TrimStart('/');
            if (Describe(language, name) is { } description)
            {
                commands.Add(new TelegramBotCommand(name, description));
            }
            else
            {
                missing.Add(name);
            }
        }

        return (commands, missing);
    }

    private static string? Describe(Language language, string name)
    {
        try
        {
            return Texts.Get(language, $"Command_{name}");
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
