using System.Net.Http.Headers;
using System.Text.Json;

namespace Hromada.Bots.Channels.Viber;

/// <summary>
/// A small typed client for the Viber REST bot API. The HttpClient comes from IHttpClientFactory
/// per call (its handler carries the auth token and the retry pipeline), so this singleton never
/// pins a handler. Viber answers HTTP 200 with a status code; other HTTP answers throw.
/// </summary>
internal sealed class ViberClient(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "viber";
    public const string AuthTokenHeader = "X-Viber-Auth-Token";

    /// <summary>The events the bot asks for; message, subscribed and unsubscribed come regardless.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
        ["delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started"];

    /// <summary>Registers the webhook; Viber calls it at once with a "webhook" event to check it.</summary>
    public Task<ViberResponse> SetWebhookAsync(string url, IReadOnlyList<string> eventTypes, CancellationToken cancellationToken) =>
        PostAsync("set_webhook", new ViberSetWebhookRequest(url, eventTypes, SendName: true, SendPhoto: false), cancellationToken);

    public Task<ViberResponse> SendMessageAsync(ViberOutgoingMessage message, CancellationToken cancellationToken) =>
        PostAsync("send_message", message, cancellationToken);

    public Task<ViberResponse> GetAccountInfoAsync(CancellationToken cancellationToken) =>
        PostAsync("get_account_info", new { }, cancellationToken);

    private async Task<ViberResponse> PostAsync<T>(string method, T body, CancellationToken cancellationToken)
    {
        // A buffered body has a Content-Length and can be sent again by the retry pipeline.
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, ViberJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsync(method, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ViberResponse>(ViberJson.Options, cancellationToken)
            ?? throw new HttpRequestException($"Viber answered {method} with an empty body.");
    }
}
