namespace Hromada.Core.Dialogs.Language;

public enum LanguageState
{
    AwaitingLanguage,
    Completed,
    Cancelled,
}
