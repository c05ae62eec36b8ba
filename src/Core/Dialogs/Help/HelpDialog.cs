using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.Help;

/// <summary>/help: the commands and what Hromada is for.</summary>
public sealed class HelpDialog : IDialog
{
    public string Name => "help";

    public IReadOnlyList<string> Commands => ["/help"];

    public bool OpenToUnregistered => true;

    public Task StartAsync(DialogContext context)
    {
        var next = context.Resident?.IsRegistered == true ? "/menu" : "/start";
        context.Reply(new OutboundReply(context.Text("Help_Text"))
        {
            Buttons = [[new ReplyButton(context.Text(next == "/menu" ? "Menu_Button" : "Help_Start"), next)]],
        });
        return Task.CompletedTask;
    }
}
