namespace Hromada.Bots.Channels.Viber;

/// <summary>The "Viber" section. The channel is on exactly when <see cref="Token"/> is set.</summary>
public sealed class ViberOptions
{
    public const string Section = "Viber";
    public const string DefaultApiBaseUrl = "https://chatapi.viber.com/pa";

    /// <summary>The bot's authentication token (a secret): it authorises API calls and keys the webhook signature.</summary>
    public string? Token { get; set; }

    /// <summary>The REST bot API address; tests point it at a fake server.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The public https address of POST /webhooks/viber; when set, the host registers it at start-up.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The sender name shown on every message (Viber allows at most 28 characters).</summary>
    public string BotName { get; set; } = "Hromada";

    /// <summary>An optional avatar shown with every message (a public image URL, at most 100 KB).</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>How often a request that met a 5xx answer or a timeout is tried again.</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>The first wait before a retry; it doubles each time, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one request may take before it counts as timed out.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    /// <summary>The API address with a trailing slash, so method names resolve beneath it.</summary>
    public Uri ApiBaseAddress => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");
}
