using Hromada.Bots.Api;
using Hromada.Bots.Channels.Dev;
using Hromada.Bots.Channels.Telegram;
using Hromada.Bots.Channels.Viber;
using Hromada.Bots.Hosting;
using Hromada.Bots.Open311;
using Hromada.Bots.Outbox;
using Hromada.Bots.Scheduling;
using Hromada.Core;
using Hromada.Persistence;

try
{
    // The root appsettings.json is copied next to the assembly: found wherever the host is started from.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    builder.Services.AddProblemDetails();
    builder.Services.AddHromadaCore().AddConversationOptions().AddAdminOptions();
    builder.Services.AddStatusRules();
    builder.Services.AddPersistence();
    builder.Services.AddOutboxDispatcher();
    builder.Services.AddDevChatChannel();
    builder.Services.AddTelegramChannel();
    builder.Services.AddViberChannel();
    builder.Services.AddScheduling();
    builder.Services.AddHromadaApi();
    builder.Services.AddOpen311();

    var app = builder.Build();

    app.UseProblemResponses();
    app.MapHealth();
    app.MapDevChat();
    app.MapTelegramWebhook();
    app.MapViberWebhook();
    app.MapHromadaApi();
    app.MapOpen311();

    app.ValidateConfiguration();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (ConfigurationError.Describe(exception) is { } line)
{
    await Console.Error.WriteLineAsync(line);
    return 1;
}

/// <summary>The entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
