using Hromada.Bots.Channels.Telegram;
using Hromada.Bots.Hosting;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Tests.Channels.Telegram;

public sealed class TelegramOptionsValidatorTests
{
    private const string Token = "123456789:AAHfakeTokenForHromadaTests_0123456789";

    [Fact]
    public void Validate_NoToken_ChannelOffAndValid()
    {
        var result = Validate(new TelegramOptions { ApiBaseUrl = "not checked while off" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_WebhookWithSecret_Valid()
    {
        var result = Validate(new TelegramOptions
        {
            Token = Token,
            WebhookUrl = "https://bot.example.org/webhooks/telegram",
            WebhookSecret = "s3cret_Token-1",
            AllowedUpdates = ["message", "callback_query"],
        });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("ftp://api.telegram.org", "Telegram:ApiBaseUrl")]
    [InlineData("api.telegram.org", "Telegram:ApiBaseUrl")]
    [InlineData("https://api.telegram.org/bot", "Telegram:ApiBaseUrl")]
    public void Validate_BadApiBaseUrl_NamesTheKey(string address, string key)
    {
        var result = Validate(new TelegramOptions { Token = Token, ApiBaseUrl = address });

        Assert.Contains(key, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telegram.example.org/hook")]
    [InlineData("ftp://telegram.example.org/hook")]
    public void Validate_BadWebhookUrl_NamesTheKey(string address)
    {
        var result = Validate(new TelegramOptions { Token = Token, WebhookUrl = address, WebhookSecret = "secret" });

        Assert.StartsWith("Telegram:WebhookUrl ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has spaces")]
    public void Validate_WebhookWithoutUsableSecret_NamesTheSecret(string? secret)
    {
        var result = Validate(new TelegramOptions { Token = Token, WebhookUrl = "https://bot.example.org/webhooks/telegram", WebhookSecret = secret });

        Assert.StartsWith("Telegram:WebhookSecret ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WebhookWithoutToken_NamesTheToken()
    {
        var result = Validate(new TelegramOptions { WebhookUrl = "https://bot.example.org/webhooks/telegram" });

        Assert.StartsWith("Telegram:Token ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedToken_NamesTheKeyWithoutTheValue()
    {
        var result = Validate(new TelegramOptions { Token = "my-secret-token" });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Telegram:Token ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("my-secret-token", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownUpdateKind_NamesIt()
    {
        var result = Validate(new TelegramOptions { Token = Token, AllowedUpdates = ["message", "messages"] });

        Assert.Contains("'messages'", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ValidationFailure_OneLineNamingTheKey()
    {
        var result = Validate(new TelegramOptions { Token = Token, ApiBaseUrl = "localhost:8081" });
        var exception = new OptionsValidationException(Options.DefaultName, typeof(TelegramOptions), result.Failures);

        var line = ConfigurationError.Describe(exception);

        Assert.Equal(
            $"Configuration error: Telegram:ApiBaseUrl must be the root address of a Bot API server, such as {TelegramOptions.DefaultApiBaseUrl}.",
            line);
    }

    private static ValidateOptionsResult Validate(TelegramOptions options) =>
        new TelegramOptionsValidator().Validate(Options.DefaultName, options);
}
