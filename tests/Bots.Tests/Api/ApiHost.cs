using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bots.Tests.Hosting;
using Hromada.Core.ApiKeys;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Bots.Tests.Api;

/// <summary>
/// The real host on its own LiteDB file at a fake time, with residents and polls stored through the
/// host's own stores, and API calls made with or without a key. The scheduler is off unless a test
/// turns it on, so sweeps run when the test runs them.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private ApiHost(params (string Key, string? Value)[] settings)
    {
        (string Key, string? Value)[] schedulerOff = settings.Any(setting => setting.Key == "Scheduling:Enabled") ? [] : [("Scheduling:Enabled", "false")];
        Host = TestHost.Start(services => services.AddSingleton<TimeProvider>(Clock), [.. schedulerOff, .. settings]);
    }

    public FakeTimeProvider Clock { get; } = new(StartTime);

    public TestHost Host { get; }

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static ApiHost Start(params (string Key, string? Value)[] settings) => new(settings);

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A new key for <paramref name="communityId"/>, as /apikey create makes it.</summary>
    public async Task<string> KeyAsync(string communityId) =>
        (await Get<ApiKeyRegistry>().CreateAsync(communityId, "test", "r-admin", Cancellation)).Secret;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }

        return await Host.Client.SendAsync(request, Cancellation);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? key) => SendAsync(HttpMethod.Get, path, key);

    public async Task<Resident> ResidentAsync(
        string userId, string? communityId = "kamianske", bool registered = true, bool reachable = true, Language language = Language.Uk)
    {
        var resident = new Resident
        {
            Id = $"r-{userId}",
            Identities = [new ChannelIdentity(ChannelKind.Dev, userId, userId) { Reachable = reachable }],
            Name = userId,
            CommunityId = communityId,
            Language = language,
            CreatedAt = StartTime.AddDays(-30),
            RegisteredAt = registered ? StartTime.AddDays(-30) : null,
        };
        await Get<IResidentStore>().SaveAsync(resident, Cancellation);
        return resident;
    }

    public async Task<Poll> PollAsync(
        string id, string communityId = "kamianske", TimeSpan? closesIn = null, TimeSpan? openedAgo = null, PollStatus status = PollStatus.Open)
    {
        var poll = new Poll
        {
            Id = id,
            CommunityId = communityId,
            Question = $"Чи потрібен новий сквер ({id})?",
            Options = ["Так", "Ні", "Не знаю"],
            Status = status,
            OpensAt = StartTime - (openedAgo ?? TimeSpan.FromDays(5)),
            ClosesAt = StartTime + (closesIn ?? TimeSpan.FromDays(2)),
            CreatedAt = StartTime - (openedAgo ?? TimeSpan.FromDays(5)),
        };
        await Get<IPollStore>().SaveAsync(poll, Cancellation);
        return poll;
    }

    public Task VoteAsync(Poll poll, Resident resident, params int[] choices) =>
        Get<IBallotStore>().CastAsync(poll.Id, resident.Id, choices, Clock.GetUtcNow(), Cancellation);

    /// <summary>What the outbox holds for the resident's dev chat: every message queued to them.</summary>
    public Task<IReadOnlyList<OutboxMessage>> MessagesToAsync(Resident resident) =>
        Get<IOutboxStore>().ListForChatAsync(ChannelKind.Dev, resident.Identities[0].ChatId, 0, Cancellation);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
