using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.Menu;

/// <summary>/menu: what a registered resident can do, as buttons.</summary>
public sealed class MenuDialog : IDialog
{
    public string Name => "menu";

    public IReadOnlyList<string> Commands => ["/menu"];

    public Task StartAsync(DialogContext context)
    {
        context.Reply(Menu(context, context.Text("Menu_Title")));
        return Task.CompletedTask;
    }

    /// <summary>The main menu under <paramref name="text"/>; each button sends its command.</summary>
    public static OutboundReply Menu(DialogContext context, string text) =>
        new(text)
        {
            Buttons =
            [
                [new ReplyButton(context.Text("Menu_Polls"), "/polls"), new ReplyButton(context.Text("Menu_Propose"), "/propose")],
                [new ReplyButton(context.Text("Menu_Status"), "/status")],

                [new ReplyButton(context.Text("Menu_Ideas"), "/ideas"), new ReplyButton(context.Text("Menu_Idea"), "/idea")],
                [new ReplyButton(context.Text("Menu_Events"), "/events"), new ReplyButton(context.Text("Menu_Subscribe"), "/subscribe")],
                [new ReplyButton(context.Text("Menu_Report"), "/report"), new ReplyButton(context.Text("Menu_MyReports"), "/myreports")],
                [new ReplyButton(context.Text("Menu_Profile"), "/profile"), new ReplyButton(context.Text("Menu_Language"), "/language")],
                [new ReplyButton(context.Text("Menu_MyData"), "/mydata"), new ReplyButton(context.Text("Menu_Help"), "/help")],
            ],
        };
}
