using Hromada.Bots.Outbox;
using Hromada.Core.Conversations;

namespace Hromada.Bots.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void Validate_Defaults_SucceedWithThePlatformsLimits()
    {
        var options = new OutboxOptions();

        var result = new OutboxOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal((30, TimeSpan.FromSeconds(1)), (options.Telegram.MessagesPerSecond, options.Telegram.PerChatInterval));
        Assert.Equal(20, options.For(ChannelKind.Viber).MessagesPerSecond);
        Assert.Equal((0, TimeSpan.Zero), (options.Dev.MessagesPerSecond, options.Dev.PerChatInterval));
        Assert.Equal((16, TimeSpan.FromMinutes(1), 5), (options.MaxConcurrency, options.Lease, options.MaxAttempts));
    }

    [Fact]
    public void Validate_BadValues_FailNamingEachKey()
    {
        var options = new OutboxOptions
        {
            MaxConcurrency = 0,
            Lease = TimeSpan.FromMilliseconds(10),
            Viber = new ChannelRateLimit { MessagesPerSecond = -1 },
            Telegram = new ChannelRateLimit { MessagesPerSecond = 30, PerChatInterval = TimeSpan.FromSeconds(-1) },
        };

        var result = new OutboxOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["Outbox:MaxConcurrency", "Outbox:Lease", "Outbox:Telegram:PerChatInterval", "Outbox:Viber:MessagesPerSecond"],
            result.Failures!.Select(failure => failure.Split(' ')[0]));
    }
}
