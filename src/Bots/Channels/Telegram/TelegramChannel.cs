using System.Net;
using Hromada.Core.Conversations;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Hromada.Bots.Channels.Telegram;

public static class TelegramChannel
{
    /// <summary>
    /// The Telegram channel: options, Bot API clients, sender, webhook or long polling, start-up setup.
    /// Everything is registered always and stays idle while Telegram:Token is unset.
    /// </summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();

        // The request address holds the token, so the factory's request logging is off for both clients.
        services.AddHttpClient(TelegramClients.SendingClient)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var settings = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
                resilience.Retry.MaxRetryAttempts = settings.MaxRetries;
                resilience.Retry.Delay = settings.RetryDelay;
                resilience.Retry.ShouldHandle = arguments => ValueTask.FromResult(IsTransient(arguments.Outcome));
                resilience.CircuitBreaker.ShouldHandle = arguments => ValueTask.FromResult(IsTransient(arguments.Outcome));
            });
        services.AddHttpClient(TelegramClients.PollingClient, client => client.Timeout = TelegramPoller.PollTimeout + TimeSpan.FromSeconds(30))
            .RemoveAllLoggers();

        services.AddSingleton<TelegramClients>();
        services.AddSingleton<IChannelSender, TelegramSender>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramCallbackAnswers>();
        services.AddHostedService(provider => provider.GetRequiredService<TelegramCallbackAnswers>());
        services.AddHostedService<TelegramSetup>();
        services.AddHostedService<TelegramPoller>();
        return services;
    }

    /// <summary>Maps POST /webhooks/telegram when the channel runs by webhook; otherwise nothing (so 404).</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramChannel));
        if (!options.IsEnabled)
        {
            TelegramLog.Disabled(logger);
            return endpoints;
        }

        TelegramLog.Enabled(logger, options.UsesWebhook ? "webhook" : "long polling");
        if (options.UsesWebhook)
        {
            TelegramWebhook.Map(endpoints);
        }

        return endpoints;
    }

    /// <summary>
    /// 5xx, 408, timeouts and lost connections are worth another try; 429 is not: the outbox
    /// dispatcher must see it to hold back the whole bot for retry_after.
    /// </summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(outcome);
}
