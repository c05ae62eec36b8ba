using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bots.Tests.Hosting;

namespace Hromada.Bots.Tests.Channels.Dev;

/// <summary>A simulated resident talking through the dev chat's JSON API, as the page does.</summary>
internal sealed class DevChatResident(TestHost host, string userId, string name = "Alice", string languageCode = "uk")
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    public string UserId { get; } = userId;

    /// <summary>The id of the last bot reply seen; the next wait returns only newer ones.</summary>
    public long LastSeenId { get; private set; }

    public async Task<HttpResponseMessage> PostAsync(object content)
    {
        var body = JsonSerializer.SerializeToElement(content, JsonSerializerOptions.Web);
        var message = new Dictionary<string, object?> { ["userId"] = UserId, ["name"] = name, ["languageCode"] = languageCode };
        foreach (var property in body.EnumerateObject())
        {
            message[property.Name] = property.Value;
        }

        return await host.Client.PostAsJsonAsync("/dev/api/messages", message, JsonSerializerOptions.Web);
    }

    /// <summary>Posts and waits for the bot's answer to it.</summary>
    public async Task<IReadOnlyList<DevReplyDto>> SendAsync(object content)
    {
        using var response = await PostAsync(content);
        response.EnsureSuccessStatusCode();
        return await WaitForRepliesAsync();
    }

    public Task<IReadOnlyList<DevReplyDto>> SayAsync(string text) => SendAsync(new { text });

    public Task<IReadOnlyList<DevReplyDto>> PressAsync(string buttonData) => SendAsync(new { buttonData });

    public async Task<IReadOnlyList<DevReplyDto>> ListRepliesAsync(long after = 0) =>
        await host.Client.GetFromJsonAsync<List<DevReplyDto>>(
            $"/dev/api/messages?userId={UserId}&after={after}", JsonSerializerOptions.Web) ?? [];

    /// <summary>Polls until replies newer than <see cref="LastSeenId"/> arrive (one message's replies are stored together).</summary>
    public async Task<IReadOnlyList<DevReplyDto>> WaitForRepliesAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        while (true)
        {
            var replies = await ListRepliesAsync(LastSeenId);
            if (replies.Count > 0)
            {
                LastSeenId = replies[^1].Id;
                return replies;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"No reply to {UserId} within {ReplyTimeout.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}

internal sealed record DevReplyDto(
    long Id,
    string Text,
    List<List<DevButtonDto>> Buttons,
    bool RequestsContact,
    string? ContactButtonLabel,
    bool RequestsLocation,
    string? LocationButtonLabel,
    string? PhotoUrl,
    DevDocumentDto? Document)
{
    public IEnumerable<DevButtonDto> AllButtons => Buttons.SelectMany(row => row);

    public DevButtonDto Button(Func<DevButtonDto, bool> match) =>
        AllButtons.FirstOrDefault(match) ?? throw new InvalidOperationException(
            $"No such button under \"{Text}\"; it has: {string.Join(", ", AllButtons.Select(b => b.Data))}");
}

internal sealed record DevButtonDto(string Label, string Data);

internal sealed record DevDocumentDto(string FileName, string ContentType, string Base64);
