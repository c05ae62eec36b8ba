using Hromada.Core.Localization;

namespace Hromada.Bench;

internal enum UpdateKind
{
    Command,
    Button,
    Text,
}

/// <summary>
/// One resident in the Telegram app going through the real dialogs: /start, consent, name, a typed
/// community search, the community, a sphere, done, skipping the phone (a reply-keyboard button, so
/// text); then what a registered resident does: the menu, polls, a question in free text, help.
/// Every step gets exactly one message back, so the replies show when the host has handled them all.
/// </summary>
internal sealed class ScriptedResident(long userId)
{
    private static readonly string SkipPhone = Texts.Get(Language.Uk, "Profile_SkipPhone");

    private static readonly (UpdateKind Kind, string Content)[] Onboarding =
    [
        (UpdateKind.Command, "/start"),
        (UpdateKind.Button, "consent:yes"),
        (UpdateKind.Text, "Олена Коваленко"),
        (UpdateKind.Text, "Кам'ян"),
        (UpdateKind.Button, "community:kamianske"),
        (UpdateKind.Button, "sphere:ecology"),
        (UpdateKind.Button, "done"),
        (UpdateKind.Text, SkipPhone),
    ];

    private static readonly (UpdateKind Kind, string Content)[] Registered =
    [
        (UpdateKind.Command, "/menu"),
        (UpdateKind.Button, "/polls"),
        (UpdateKind.Text, "Коли відремонтують дорогу на вулиці Шевченка?"),
        (UpdateKind.Command, "/help"),
    ];

    private int _step;

    public long UserId { get; } = userId;

    /// <summary>The update of the next step, and its kind.</summary>
    public (byte[] Json, UpdateKind Kind) Next()
    {
        var (kind, content) = _step < Onboarding.Length
            ? Onboarding[_step]
            : Registered[(_step - Onboarding.Length) % Registered.Length];
        _step++;
        return (kind == UpdateKind.Button ? TelegramUpdateJson.Callback(UserId, content) : TelegramUpdateJson.Text(UserId, content), kind);
    }
}
