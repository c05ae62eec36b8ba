using System.Collections.Concurrent;
using Hromada.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>The real inbox store, remembering which inbound messages the webhook handed it.</summary>
internal sealed class RecordingInbox(IInboxStore inner) : IInboxStore
{
    private readonly ConcurrentQueue<InboundMessage> _accepted = new();

    public IReadOnlyList<InboundMessage> Accepted => [.. _accepted];

    /// <summary>Wraps the registered inbox store; the test reads the recording from the services.</summary>
    public static void Install(IServiceCollection services)
    {
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(IInboxStore));
        services.AddSingleton(sp => new RecordingInbox(Resolve(sp, original)));
        services.AddSingleton<IInboxStore>(sp => sp.GetRequiredService<RecordingInbox>());
    }

    public async Task<InboxEntry?> TryAddAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var entry = await inner.TryAddAsync(message, cancellationToken);
        if (entry is not null)
        {
            _accepted.Enqueue(message);
        }

        return entry;
    }

    public Task<IReadOnlyList<InboxEntry>> GetPendingAsync(CancellationToken cancellationToken) =>
        inner.GetPendingAsync(cancellationToken);

    public Task MarkAsync(long sequence, InboxStatus status, CancellationToken cancellationToken) =>
        inner.MarkAsync(sequence, status, cancellationToken);

    private static IInboxStore Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IInboxStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
