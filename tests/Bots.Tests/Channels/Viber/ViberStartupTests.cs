using Hromada.Bots.Channels.Viber;
using Hromada.Bots.Hosting;
using Hromada.Bots.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>What the host does with the "Viber" section at start-up.</summary>
public sealed class ViberStartupTests
{
    [Fact]
    public async Task Start_WebhookUrlSet_RegistersItWithTheEventsTheBotUses()
    {
        await using var viber = await FakeViberApi.StartAsync();

        await using var host = TestHost.Start(viber.Settings(("Viber:WebhookUrl", "https://hromada.example.org/webhooks/viber")));

        var call = await Eventually.ResultAsync(
            () => Task.FromResult(viber.Calls.FirstOrDefault(c => c.Method == "set_webhook")), found => found is not null);
        Assert.Equal(FakeViberApi.Token, call!.AuthToken);
        Assert.Equal("https://hromada.example.org/webhooks/viber", call.Body.GetProperty("url").GetString());
        Assert.Equal(
            ["delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started"],
            call.Body.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Start_NoWebhookUrl_OnlyAsksForTheAccountInfo()
    {
        await using var viber = await FakeViberApi.StartAsync();

        await using var host = TestHost.Start(viber.Settings());

        await Eventually.ResultAsync(() => Task.FromResult(viber.Calls), calls => calls.Any(c => c.Method == "get_account_info"));
        Assert.DoesNotContain(viber.Calls, c => c.Method == "set_webhook");
    }

    [Theory]
    [InlineData(FakeViberApi.Token, "http://hromada.example.org/webhooks/viber", "Hromada", "Viber:WebhookUrl")]
    [InlineData(null, "https://hromada.example.org/webhooks/viber", "Hromada", "Viber:Token")]
    [InlineData(FakeViberApi.Token, null, "Громада — платформа участі мешканців", "Viber:BotName")]
    [InlineData(FakeViberApi.Token, null, "", "Viber:BotName")]
    public void Validate_BadSetting_NamesTheKey(string? token, string? webhookUrl, string botName, string key)
    {
        var options = new ViberOptions { Token = token, WebhookUrl = webhookUrl, BotName = botName };

        var result = new ViberOptionsValidator().Validate(null, options);

        var line = ConfigurationError.Describe(new OptionsValidationException(ViberOptions.Section, typeof(ViberOptions), result.Failures));
        Assert.StartsWith($"Configuration error: {key} ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoToken_ChannelOffAndValid()
    {
        var options = new ViberOptions();

        var result = new ViberOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.False(options.IsEnabled);
    }
}
