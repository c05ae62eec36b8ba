using Telegram.Bot.Types.Enums;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// The "Telegram" section. The channel is on when <see cref="Token"/> is set; with
/// <see cref="WebhookUrl"/> Telegram posts updates to the host, without it the host long-polls.
/// </summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>The bot token from @BotFather; a secret, so from the environment or user-secrets only.</summary>
    public string? Token { get; set; }

    /// <summary>The Bot API server's root address: a local Bot API server, or a fake one in tests.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The public HTTPS address of <c>POST /webhooks/telegram</c>; unset means long polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Telegram sends it back in X-Telegram-Bot-Api-Secret-Token; required with a webhook.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The update kinds Telegram is asked to send; unset means <see cref="DefaultAllowedUpdates"/>.</summary>
    public string[]? AllowedUpdates { get; set; }

    /// <summary>How often a failed request (5xx, timeout, lost connection) is tried again before the send counts as failed.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles it, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<string> DefaultAllowedUpdates { get; } = ["message", "callback_query", "my_chat_member"];

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    public IReadOnlyList<string> EffectiveAllowedUpdates => AllowedUpdates is { Length: > 0 } ? AllowedUpdates : DefaultAllowedUpdates;

    /// <summary>The update kinds for setWebhook and getUpdates; the names were checked on start.</summary>
    internal UpdateType[] AllowedUpdateTypes() =>
        [.. EffectiveAllowedUpdates.Select(kind => TelegramOptionsValidator.ParseUpdateType(kind)!.Value)];
}
