using Hromada.Bots.Api.Polls;
using Hromada.Core.Broadcasts;
using Hromada.Core.Residents;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bots.Api.Broadcasts;

/// <summary>
/// POST /broadcasts: a message to the followers of one community, narrowed to those following one of
/// <see cref="Spheres"/> and holding one of <see cref="Statuses"/> when those are given; as /broadcast.
/// </summary>
/// <param name="CommunityId">A community the key reaches; the national level reaches every registered resident.</param>
/// <param name="Statuses">registered, responsible, localExpert or opinionLeader.</param>
/// <param name="Text">What every recipient reads, 10 to 1000 characters.</param>
/// <param name="PhotoUrl">An optional picture sent with the text, as an absolute http(s) address the messengers fetch it from.</param>
public sealed record CreateBroadcastRequest(
    string? CommunityId,
    IReadOnlyList<string>? Spheres,
    IReadOnlyList<string>? Statuses,
    string? Text,
    string? PhotoUrl)
{
    internal BroadcastAudience Audience => new(
        [CommunityId!],
        [.. (Spheres ?? []).Distinct()],
        [.. (Statuses ?? []).Select(EnumName.Parse<ResidentStatus>).OfType<ResidentStatus>().Distinct()]);
}

/// <summary>GET /broadcasts: the key's latest broadcasts.</summary>
public sealed record BroadcastListQuery([FromQuery(Name = "limit")] int? Limit)
{
    public const int DefaultLimit = 20;

    /// <summary>Each listed broadcast's progress is counted from the outbox, so a page stays short.</summary>
    public const int MaxLimit = 50;
}

/// <summary>
/// A broadcast and its progress: the same figures "/broadcast status" shows. Never who got it.
/// </summary>
/// <param name="Communities">The communities whose followers it goes to; null for every registered resident.</param>
/// <param name="Status">queued (its messages are being put in the outbox), sending, done or cancelled.</param>
/// <param name="Recipients">Residents it goes to: counted when it was created, then when its messages were queued.</param>
public sealed record BroadcastResponse(
    string Id,
    IReadOnlyList<string>? Communities,
    IReadOnlyList<string> Spheres,
    IReadOnlyList<string> Statuses,
    string Text,
    string? PhotoUrl,
    string Status,
    DateTimeOffset CreatedAt,
    int Recipients,
    BroadcastProgressResponse Progress)
{
    public static BroadcastResponse From(Broadcast broadcast, BroadcastProgress progress) => new(
        broadcast.Id,
        broadcast.Audience.Communities,
        broadcast.Audience.Spheres,
        [.. broadcast.Audience.Statuses.Select(EnumName.Of)],
        broadcast.Text,
        broadcast.PhotoId,
        EnumName.Of(broadcast.Status),
        broadcast.CreatedAt.ToUniversalTime(),
        broadcast.Recipients,
        new BroadcastProgressResponse(progress.Queued, progress.Sent, progress.Failed, progress.Unreachable));
}

/// <summary>Where the broadcast's messages are.</summary>
/// <param name="Queued">Waiting in the outbox for the platform's rate, or for the end of a recipient's quiet hours.</param>
/// <param name="Failed">Given up after the platform kept refusing them.</param>
/// <param name="Unreachable">Recipients who blocked the bot, or whom no app could reach when it was queued.</param>
public sealed record BroadcastProgressResponse(int Queued, int Sent, int Failed, int Unreachable);

public sealed record BroadcastListResponse(IReadOnlyList<BroadcastResponse> Items);
