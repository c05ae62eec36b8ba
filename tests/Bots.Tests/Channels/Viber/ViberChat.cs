using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>One Viber user talking to the host: posts signed callbacks, reads what the fake API was asked to send them.</summary>
internal sealed class ViberChat(TestHost host, FakeViberApi viber, string userId = "01234567890A=", string name = "Аліса", string language = "uk-UA")
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private int _seenSends;

    public string UserId { get; } = userId;

    /// <summary>The id of the last outbox message the waits have seen.</summary>
    public long LastOutboxId { get; private set; }

    public static Task<HttpResponseMessage> PostAsync(TestHost host, string json, string? signature = null, string path = "/webhooks/viber") =>
        PostBytesAsync(host, Encoding.UTF8.GetBytes(json), signature, path);

    public static async Task<HttpResponseMessage> PostBytesAsync(TestHost host, byte[] body, string? signature = null, string path = "/webhooks/viber")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Viber-Content-Signature", signature ?? ViberSigner.Sign(body));
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostAsync(string json) => PostAsync(host, json);

    /// <summary>Posts a message callback and returns what the bot sent back.</summary>
    public async Task<IReadOnlyList<JsonElement>> SendAsync(string message, long? token = null)
    {
        using var response = await PostAsync(ViberCallbacks.Message(UserId, message, token, name, language));
        response.EnsureSuccessStatusCode();
        return await WaitForRepliesAsync();
    }

    public Task<IReadOnlyList<JsonElement>> SayAsync(string text) => SendAsync(ViberCallbacks.Text(text));

    /// <summary>Presses a keyboard button as Viber does: its ActionBody comes back as a text message.</summary>
    public Task<IReadOnlyList<JsonElement>> PressAsync(JsonElement button) =>
        SayAsync(button.GetProperty("ActionBody").GetString()!);

    /// <summary>
    /// Waits until the bot's replies to the last message are all delivered (none pending in the
    /// outbox), then returns the send_message bodies the fake got for them.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForRepliesAsync()
    {
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        while (true)
        {
            var replies = await outbox.ListForChatAsync(ChannelKind.Viber, UserId, LastOutboxId, TestContext.Current.CancellationToken);
            if (replies.Count > 0 && replies.All(reply => reply.Status != OutboxStatus.Pending))
            {
                LastOutboxId = replies[^1].Id;
                var sent = viber.SentTo(UserId);
                var fresh = sent.Skip(_seenSends).ToList();
                _seenSends = sent.Count;
                return fresh;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"No reply to {UserId} within {ReplyTimeout.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>Reading the keyboards of sent messages.</summary>
internal static class ViberMessageJson
{
    public static IReadOnlyList<JsonElement> Buttons(this JsonElement message) =>
        message.TryGetProperty("keyboard", out var keyboard) ? [.. keyboard.GetProperty("Buttons").EnumerateArray()] : [];

    public static JsonElement Button(this JsonElement message, string text) =>
        message.Buttons().FirstOrDefault(button => button.GetProperty("Text").GetString() == text) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new InvalidOperationException(
                $"No button \"{text}\"; there are: {string.Join(", ", message.Buttons().Select(b => b.GetProperty("Text").GetString()))}");

    public static JsonElement ButtonWithBody(this JsonElement message, string actionBody) =>
        message.Buttons().First(button => button.GetProperty("ActionBody").GetString() == actionBody);

    public static string Text(this JsonElement message) => message.GetProperty("text").GetString()!;
}
