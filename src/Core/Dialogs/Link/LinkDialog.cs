using System.Security.Cryptography;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Residents;

namespace Hromada.Core.Dialogs.Link;

/// <summary>
/// /link joins a resident's identities in two apps into one resident: the registered app shows a
/// one-time code, the other app sends it (as "/link 123456", or after "/link" when asked).
/// </summary>
public sealed class LinkDialog(ILinkCodeStore codes, IResidentStore residents) : IDialog
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    private const string AwaitingCode = nameof(AwaitingCode);

    public string Name => "link";

    public IReadOnlyList<string> Commands => ["/link"];

    public bool OpenToUnregistered => true;

    public async Task StartAsync(DialogContext context)
    {
        var code = BotCommand.From(context.Message)?.Argument;
        if (!string.IsNullOrEmpty(code))
        {
            await JoinAsync(context, code);
        }
        else if (context.Resident is { IsRegistered: true } resident)
        {
            await ShowCodeAsync(context, resident);
        }
        else
        {
            context.Session.Dialog = Name;
            context.Session.State = AwaitingCode;
            context.Reply("Link_AskCode");
        }
    }

    public Task ContinueAsync(DialogContext context) => JoinAsync(context, context.Message.Text ?? "");

    private async Task ShowCodeAsync(DialogContext context, Resident resident)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await codes.SaveAsync(new LinkCode(code, resident.Id, context.Now + CodeLifetime), context.CancellationToken);
        context.Reply("Link_ShowCode", code, (int)CodeLifetime.TotalMinutes);
    }

    private async Task JoinAsync(DialogContext context, string typed)
    {
        var link = await codes.TakeAsync(typed.Trim(), context.Now, context.CancellationToken);
        var target = link is null ? null : await residents.GetAsync(link.ResidentId, context.CancellationToken);
        if (target is null)
        {
            // Asked again while the dialog waits; /cancel leaves.
            context.Reply("Link_CodeInvalid");
            return;
        }

        context.Session.Leave();
        var identity = context.Message.Sender;
        if (target.Identities.Any(known => known.Key == identity))
        {
            context.Reply(MenuDialog.Menu(context, context.Text("Link_AlreadyLinked")));
            return;
        }

        // This app's own registration, if any, gives way to the one being joined.
        if (context.Resident is { } own)
        {
            await residents.DeleteAsync(own.Id, context.CancellationToken);
        }

        target.Identities.Add(new ChannelIdentity(identity.Channel, identity.PlatformUserId, context.Message.ChatId));
        context.Language = target.Language;
        context.SaveResident(target);
        context.Reply(MenuDialog.Menu(context, context.Text("Link_Joined", target.Name)));
    }
}
