using Hromada.Core.Conversations;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Language.LanguageState;
using BotLanguage = Hromada.Core.Localization.Language;

namespace Hromada.Core.Dialogs.Language;

/// <summary>/language: switch between Ukrainian and English, before or after registration.</summary>
public sealed class LanguageDialog : Dialog<LanguageState>
{
    private const string Prefix = "lang:";

    public override string Name => "language";

    public override IReadOnlyList<string> Commands => ["/language"];

    public override bool OpenToUnregistered => true;

    protected override LanguageState FirstState => AwaitingLanguage;

    protected override void Configure(StateMachine<LanguageState, DialogTrigger> machine, DialogContext context) =>
        Step(machine.Configure(AwaitingLanguage), OptionChosen, Completed, () => TakeLanguage(context));

    protected override OutboundReply? Ask(LanguageState state, DialogContext context) => state switch
    {
        // Each language's button is labelled in that language, so a resident lost in the other one finds theirs.
        AwaitingLanguage => new OutboundReply(context.Text("Language_Ask"))
        {
            Buttons = [[new ReplyButton("Українська", Prefix + "uk"), new ReplyButton("English", Prefix + "en")]],
        },
        Completed => new OutboundReply(context.Text("Language_Changed"))
        {
            Buttons = [[new ReplyButton(context.Text("Menu_Button"), context.Resident?.IsRegistered == true ? "/menu" : "/start")]],
        },
        _ => null,
    };

    private static bool TakeLanguage(DialogContext context)
    {
        BotLanguage? chosen = context.Message.ButtonData switch
        {
            Prefix + "uk" => BotLanguage.Uk,
            Prefix + "en" => BotLanguage.En,
            _ => null,
        };
        if (chosen is not { } language)
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return false;
        }

        context.Language = language;
        if (context.Resident is { } resident)
        {
            resident.Language = language;
            context.SaveResident(resident);
        }

        return true;
    }
}
