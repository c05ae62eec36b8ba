using Microsoft.Extensions.Options;

namespace Hromada.Bots.Channels.Viber;

/// <summary>Each failure names its key, so start-up stops with one line an operator can act on.</summary>
internal sealed class ViberOptionsValidator : IValidateOptions<ViberOptions>
{
    public const int MaxBotNameLength = 28;

    public ValidateOptionsResult Validate(string? name, ViberOptions options)
    {
        if (!options.IsEnabled)
        {
            return string.IsNullOrWhiteSpace(options.WebhookUrl)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Viber:Token is not set, but Viber:WebhookUrl is; set Viber__Token or remove the URL.");
        }

        var failures = new List<string>();
        if (!IsAbsolute(options.ApiBaseUrl, httpsOnly: false))
        {
            failures.Add($"Viber:ApiBaseUrl must be an absolute http(s) URL such as {ViberOptions.DefaultApiBaseUrl}.");
        }

        if (!string.IsNullOrWhiteSpace(options.WebhookUrl) && !IsAbsolute(options.WebhookUrl, httpsOnly: true))
        {
            failures.Add("Viber:WebhookUrl must be an absolute https URL (Viber calls only https webhooks).");
        }

        if (string.IsNullOrWhiteSpace(options.BotName) || options.BotName.Length > MaxBotNameLength)
        {
            failures.Add($"Viber:BotName must be 1 to {MaxBotNameLength} characters.");
        }

        if (!string.IsNullOrWhiteSpace(options.AvatarUrl) && !IsAbsolute(options.AvatarUrl, httpsOnly: false))
        {
            failures.Add("Viber:AvatarUrl must be an absolute http(s) URL.");
        }

        if (options.RetryCount is < 0 or > 10)
        {
            failures.Add("Viber:RetryCount must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Viber:RetryDelay must be between 0 and 1 minute.");
        }

        if (options.RequestTimeout < TimeSpan.FromMilliseconds(10) || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Viber:RequestTimeout must be between 10 ms and 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsolute(string? url, bool httpsOnly) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));
}
