using System.Globalization;
using System.Net;
using Hromada.Bots.Tests.Channels.Telegram;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Reliability;

/// <summary>
/// Telegram redelivers an update it thinks was not acknowledged, and may do so while the first
/// delivery is still being answered: the same update arriving many times at once must change
/// state once, and the resident must get one answer.
/// </summary>
public sealed class DuplicateDeliveryTests : TelegramWebhookHostTests
{
    private const int Deliveries = 50;

    [Fact]
    public async Task Post_SameUpdateFiftyTimesInParallel_StoredOnceAndAnsweredOnce()
    {
        var resident = new TelegramResident(Host, Api, userId: 780_000_001);
        var update = TelegramUpdates.Text(resident.UserId, "/start");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = Enumerable.Range(0, Deliveries).Select(async _ =>
        {
            await start.Task;
            using var response = await resident.PostAsync(update);
            return response.StatusCode;
        }).ToList();

        start.SetResult();
        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var reply = await resident.NextReplyAsync();
        Assert.Equal(Texts.Get(Language.Uk, "Onboarding_Consent"), reply.Text);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Single(resident.Replies());
        var stored = await Host.Services.GetRequiredService<IOutboxStore>()
            .ListForChatAsync(ChannelKind.Telegram, resident.UserId.ToString(CultureInfo.InvariantCulture), 0, Cancellation);
        Assert.Single(stored);
    }
}
