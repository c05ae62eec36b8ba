namespace Hromada.Core.Conversations;

/// <summary>Finds dialogs by stored name and by command.</summary>
public sealed class DialogRegistry
{
    private readonly Dictionary<string, IDialog> _byName;
    private readonly Dictionary<string, IDialog> _byCommand;

    public DialogRegistry(IEnumerable<IDialog> dialogs)
    {
        var all = dialogs.ToList();
        _byName = all.ToDictionary(dialog => dialog.Name, StringComparer.Ordinal);
        _byCommand = all
            .SelectMany(dialog => dialog.Commands.Select(command => (command, dialog)))
            .ToDictionary(pair => pair.command, pair => pair.dialog, StringComparer.Ordinal);
    }

    public IDialog? FindByName(string name) => _byName.GetValueOrDefault(name);

    public IDialog? FindByCommand(string command) => _byCommand.GetValueOrDefault(command);
}
