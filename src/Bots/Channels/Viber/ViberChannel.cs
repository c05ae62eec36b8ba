using Hromada.Core.Conversations;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Hromada.Bots.Channels.Viber;

public static class ViberChannel
{
    /// <summary>
    /// The Viber channel: options (validated at start), the REST client with retries, the sender and
    /// the start-up webhook registration. Everything stays idle while Viber:Token is empty.
    /// </summary>
    public static IServiceCollection AddViberChannel(this IServiceCollection services)
    {
        services.AddOptions<ViberOptions>().BindConfiguration(ViberOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ViberOptions>, ViberOptionsValidator>();

        services.AddHttpClient(ViberClient.HttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<ViberOptions>>().Value;
                http.BaseAddress = options.ApiBaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline below times each attempt
                http.DefaultRequestHeaders.TryAddWithoutValidation(ViberClient.AuthTokenHeader, options.Token ?? "");
            })
            .AddResilienceHandler("viber", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ViberOptions>>().Value;
                if (options.RetryCount > 0)
                {
                    // The default predicate retries 5xx, 408, 429, network errors and attempt timeouts.
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.RetryCount,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(options.RequestTimeout);
            });

        services.AddSingleton<ViberClient>();
        services.AddSingleton<ViberRenderer>();
        services.AddSingleton<ViberWebhook>();
        services.AddSingleton<IChannelSender, ViberSender>();
        services.AddHostedService<ViberWebhookRegistration>();
        return services;
    }

    /// <summary>
    /// Maps POST /webhooks/viber; it answers 404 while the channel is off. The options are not read
    /// here, so a bad setting is reported by the start-up validation like every other.
    /// </summary>
    public static IEndpointRouteBuilder MapViberWebhook(this IEndpointRouteBuilder endpoints)
    {
        ViberWebhook.Map(endpoints);
        return endpoints;
    }
}
