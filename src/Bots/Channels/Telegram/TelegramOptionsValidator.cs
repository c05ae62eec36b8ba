using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Hromada.Bots.Channels.Telegram;

/// <summary>
/// Checks the section on start, each failure one sentence naming its key. Values are never quoted
/// back except update type names: the token and the secret must not reach a log.
/// </summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (!options.IsEnabled)
        {
            if (options.UsesWebhook)
            {
                failures.Add("Telegram:Token is required when Telegram:WebhookUrl is set.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!TokenPattern().IsMatch(options.Token!.Trim()))
        {
            failures.Add("Telegram:Token does not look like a bot token from @BotFather (digits, a colon, then letters, digits, '_' or '-').");
        }

        if (!IsServerRoot(options.ApiBaseUrl))
        {
            failures.Add($"Telegram:ApiBaseUrl must be the root address of a Bot API server, such as {TelegramOptions.DefaultApiBaseUrl}.");
        }

        if (options.UsesWebhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var webhook) || webhook.Scheme is not ("https" or "http"))
            {
                failures.Add("Telegram:WebhookUrl must be an absolute https address, such as https://bot.example.org/webhooks/telegram.");
            }

            if (string.IsNullOrEmpty(options.WebhookSecret))
            {
                failures.Add("Telegram:WebhookSecret is required when Telegram:WebhookUrl is set, so nobody else can post updates to the webhook.");
            }
        }

        if (options.WebhookSecret is { Length: > 0 } secret && !SecretPattern().IsMatch(secret))
        {
            failures.Add("Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, '_' and '-'.");
        }

        foreach (var kind in options.AllowedUpdates ?? [])
        {
            if (ParseUpdateType(kind) is null)
            {
                failures.Add($"Telegram:AllowedUpdates has an unknown update type '{kind}' (use Bot API names such as message, callback_query, my_chat_member).");
            }
        }

        if (options.MaxRetries is < 1 or > 10)
        {
            failures.Add("Telegram:MaxRetries must be between 1 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Telegram:RetryDelay must be between 0 and 1 minute.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A Bot API update type from its wire name ("callback_query"), or null for an unknown one.</summary>
    public static UpdateType? ParseUpdateType(string name)
    {
        if (!UpdateTypePattern().IsMatch(name))
        {
            return null;
        }

        var type = JsonSerializer.Deserialize<UpdateType>($"\"{name}\"", JsonBotAPI.Options);
        return type == UpdateType.Unknown ? null : type;
    }

    /// <summary>Telegram.Bot keeps only the scheme, host and port of the address, so anything more is a mistake.</summary>
    private static bool IsServerRoot(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) &&
        uri.Scheme is "https" or "http" &&
        uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("^[a-z_]{1,64}$")]
    private static partial Regex UpdateTypePattern();
}
