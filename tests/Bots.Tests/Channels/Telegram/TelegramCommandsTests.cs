using Hromada.Bots.Channels.Telegram;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;

namespace Hromada.Bots.Tests.Channels.Telegram;

public sealed class TelegramCommandsTests
{
    [Fact]
    public void For_DialogsWithAndWithoutDescription_PublishesDescribedPlusCancel()
    {
        IDialog[] dialogs = [new StubDialog("/start", "/menu"), new StubDialog("/undescribed")];

        var (commands, undescribed) = TelegramCommands.For(dialogs, Language.En);

        Assert.Equal(["start", "menu", "cancel"], commands.Select(command => command.Command));
        Assert.Equal(Texts.Get(Language.En, "Command_menu"), commands[1].Description);
        Assert.Equal(["undescribed"], undescribed);
    }

    private sealed class StubDialog(params string[] commands) : IDialog
    {
        public string Name => commands[0];

        public IReadOnlyList<string> Commands => commands;

        public Task StartAsync(DialogContext context) => Task.CompletedTask;
    }
}
