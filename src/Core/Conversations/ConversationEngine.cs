using Hromada.Core.Localization;
using Hromada.Core.Residents;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Conversations;

/// <summary>Applies one inbox entry: routes it to a dialog, then stores replies, resident and session as one turn.</summary>
public sealed partial class ConversationEngine(
    IInboxStore inbox,
    ISessionStore sessions,
    IResidentStore residents,
    IOutboxStore outbox,
    IConversationTurnStore turns,
    DialogRegistry dialogs,
    OutboxSignal outboxSignal,
    ConversationOptions options,
    TimeProvider time,
    ILogger<ConversationEngine> logger)
{
    private const string StartCommand = "/start";
    private const string CancelCommand = "/cancel";
    private const int MaxConcurrencyRetries = 5;

    public async Task HandleAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var attempt = 1;
            while (!await TryApplyAsync(entry, cancellationToken))
            {
                // Another instance saved this resident's session meanwhile: read it again and redo.
                if (++attempt > MaxConcurrencyRetries)
                {
                    throw new InvalidOperationException($"Session of {entry.Message.Sender} kept changing.");
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogHandlerFailed(exception, entry.Sequence, entry.Message.Channel);
            await ApologiseAsync(entry, cancellationToken);
            await inbox.MarkAsync(entry.Sequence, InboxStatus.Failed, cancellationToken);
        }
    }

    private async Task<bool> TryApplyAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var message = entry.Message;
        var key = message.Sender.ToString();
        var session = await sessions.FindAsync(key, cancellationToken) ?? new ConversationSession { Key = key };
        if (session.LastSequence >= entry.Sequence)
        {
            // Applied before a crash; only the inbox mark was missing.
            await MarkHandledAsync(entry, cancellationToken);
            return true;
        }

        var resident = await residents.FindByIdentityAsync(message.Sender, cancellationToken);
        var now = time.GetUtcNow();
        var language = resident?.Language ?? session.Language ?? Languages.FromPlatformCode(message.LanguageCode);
        var context = new DialogContext(message, session, resident, language, now, cancellationToken);

        if (session.InDialog && now - session.UpdatedAt > options.IdleTimeout)
        {
            LogDialogExpired(session.Dialog!, session.State);
            session.Leave();
            context.Reply("Engine_DialogExpired");
        }

        await RouteAsync(context);

        session.LastSequence = entry.Sequence;
        session.UpdatedAt = now;
        session.Language = context.Resident is null ? context.Language : null;
        if (!await turns.TryCommitAsync(TurnOf(entry, context), cancellationToken))
        {
            return false;
        }

        await MarkHandledAsync(entry, cancellationToken);

        if (context.Replies.Count > 0)
        {
            outboxSignal.Notify();
        }

        return true;
    }

    private async Task RouteAsync(DialogContext context)
    {
        var session = context.Session;
        var registered = context.Resident?.IsRegistered == true;
        var command = BotCommand.From(context.Message);

        if (context.Resident?.IsBlocked == true)
        {
            await RouteBlockedAsync(context, command);
            return;
        }

        if (command?.Name == CancelCommand)
        {
            var wasInDialog = session.InDialog;
            session.Leave();
            context.Reply(WithMenuButton(context, wasInDialog ? "Engine_Cancelled" : "Engine_NothingToCancel"));
            return;
        }

        if (command is not null)
        {
            var dialog = dialogs.FindByCommand(command.Name);
            if (dialog is null)
            {
                context.Reply(WithMenuButton(context, "Engine_UnknownCommand"));
                return;
            }

            session.Leave();
            await (registered || dialog.OpenToUnregistered ? dialog : Onboarding()).StartAsync(context);
            return;
        }

        if (session.Dialog is { } name && dialogs.FindByName(name) is { } current)
        {
            await current.ContinueAsync(context);
            return;
        }

        session.Leave();
        if (registered)
        {
            context.Reply(WithMenuButton(context, "Engine_NotUnderstood"));
        }
        else
        {
            await Onboarding().StartAsync(context);
        }
    }

    /// <summary>
    /// A blocked resident may start, and go on with, only the dialogs <see cref="IDialog.OpenToBlocked"/>;
    /// anything else gets the one refusal and leaves whatever dialog they were in.
    /// </summary>
    private async Task RouteBlockedAsync(DialogContext context, BotCommand? command)
    {
        var session = context.Session;
        if (command is not null && dialogs.FindByCommand(command.Name) is { OpenToBlocked: true } dialog)
        {
            session.Leave();
            await dialog.StartAsync(context);
        }
        else if (command is null && session.Dialog is { } name && dialogs.FindByName(name) is { OpenToBlocked: true } current)
        {
            await current.ContinueAsync(context);
        }
        else
        {
            session.Leave();
            context.Reply("Engine_Blocked");
        }
    }

    private IDialog Onboarding() =>
        dialogs.FindByCommand(StartCommand) ?? throw new InvalidOperationException("No dialog handles /start.");

    private static OutboundReply WithMenuButton(DialogContext context, string key) =>
        new(context.Text(key)) { Buttons = [[new ReplyButton(context.Text("Menu_Button"), "/menu")]] };

    /// <summary>The replies' keys derive from the inbox sequence, so a redo after a crash stores nothing twice.</summary>
    private static ConversationTurn TurnOf(InboxEntry entry, DialogContext context)
    {
        var message = entry.Message;
        var replies = context.Replies
            .Select((reply, index) => new OutboxMessage(
                0, $"in:{entry.Sequence}:{index}", message.Channel, message.ChatId, reply, OutboxStatus.Pending, context.Now))
            .ToList();
        return new ConversationTurn(entry.Sequence, context.Session, replies)
        {
            SavedResident = context.ResidentChanged ? context.Resident : null,
            ForgottenResidentId = context.ResidentForgotten ? context.Resident?.Id : null,
        };
    }

    /// <summary>
    /// After the turn is stored, so a mark that fails (the inbox already closing at shutdown) is only
    /// logged: the session's LastSequence covers the entry, and the next start just marks it. Taken for
    /// a failed turn, it would send an apology for a handled message.
    /// </summary>
    private async Task MarkHandledAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.MarkAsync(entry.Sequence, InboxStatus.Handled, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogMarkFailed(exception, entry.Sequence);
        }
    }

    private async Task ApologiseAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var message = entry.Message;
        var text = Texts.Get(Languages.FromPlatformCode(message.LanguageCode), "Engine_Apology");
        var apology = new OutboxMessage(
            0, $"in:{entry.Sequence}:apology", message.Channel, message.ChatId, new OutboundReply(text),
            OutboxStatus.Pending, time.GetUtcNow());
        await outbox.AddAsync([apology], cancellationToken);
        outboxSignal.Notify();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling inbox entry {Sequence} from {Channel} failed")]
    private partial void LogHandlerFailed(Exception exception, long sequence, ChannelKind channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox entry {Sequence} was handled but not marked; the next start marks it")]
    private partial void LogMarkFailed(Exception exception, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dialog {Dialog} expired in state {State}")]
    private partial void LogDialogExpired(string dialog, string? state);
}
