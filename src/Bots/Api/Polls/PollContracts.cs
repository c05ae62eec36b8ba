using Hromada.Core.Polls;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bots.Api.Polls;

/// <summary>GET /polls: the filters and the page.</summary>
/// <param name="Community">A community id the key reaches; all the key's communities when left out.</param>
/// <param name="Status">open, closed, proposed or rejected, at the time of the request.</param>
public sealed record PollListQuery(
    [FromQuery(Name = "community")] string? Community,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "offset")] int? Offset,
    [FromQuery(Name = "limit")] int? Limit) : IPageQuery
{
    internal PollStatus? ParsedStatus => EnumName.Parse<PollStatus>(Status);
}

/// <summary>POST /polls: a poll to open now (or at <see cref="OpensAt"/>) until <see cref="ClosesAt"/>.</summary>
/// <param name="Options">The answers; left out for a scale poll, whose options are 1 to <see cref="ScaleTop"/>.</param>
/// <param name="Type">singleChoice (the default), multipleChoice or scale.</param>
/// <param name="MaxChoices">For multipleChoice: how many options one ballot may hold (2 up to the number of options).</param>
/// <param name="ScaleTop">For scale: 5 or 10.</param>
/// <param name="Kind">currentState (the default) or strategic, which needs a <see cref="Horizon"/> such as "2026–2030".</param>
/// <param name="Spheres">Sphere ids, as in Hromada's fixed list.</param>
public sealed record CreatePollRequest(
    string? CommunityId,
    string? Question,
    IReadOnlyList<string>? Options,
    string? Type,
    int? MaxChoices,
    int? ScaleTop,
    string? Kind,
    string? Horizon,
    IReadOnlyList<string>? Spheres,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt)
{
    internal PollType ParsedType => EnumName.Parse<PollType>(Type) ?? PollType.SingleChoice;

    internal PollKind ParsedKind => EnumName.Parse<PollKind>(Kind) ?? PollKind.CurrentState;
}

/// <summary>Enum values as the API writes them: by name, in camelCase, read in any case; never by number.</summary>
internal static class EnumName
{
    public static T? Parse<T>(string? name)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(value => string.Equals(value.ToString(), name, StringComparison.OrdinalIgnoreCase));

    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>"open, closed, proposed or rejected".</summary>
    public static string List<T>()
        where T : struct, Enum => List(Enum.GetValues<T>());

    /// <summary>The given values as <see cref="List{T}()"/> writes them, for a field that takes only some.</summary>
    public static string List<T>(IReadOnlyList<T> values)
        where T : struct, Enum
    {
        var names = values.Select(Of).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}

/// <summary>A poll as integrations see it: never who proposed it, never anybody's answer.</summary>
/// <param name="Status">The status at the time of the response: an open poll past its closing time is closed.</param>
public sealed record PollResponse(
    string Id,
    string CommunityId,
    string Question,
    IReadOnlyList<string> Options,
    string Type,
    int MaxChoices,
    string Kind,
    string? Horizon,
    IReadOnlyList<string> Spheres,
    string Status,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    DateTimeOffset CreatedAt)
{
    public static PollResponse From(Poll poll, DateTimeOffset now) => new(
        poll.Id,
        poll.CommunityId,
        poll.Question,
        poll.Options,
        EnumName.Of(poll.Type),
        poll.MaxChoices,
        EnumName.Of(poll.Kind),
        poll.Horizon,
        poll.Spheres,
        EnumName.Of(poll.StatusAt(now)),
        poll.OpensAt,
        poll.ClosesAt,
        poll.CreatedAt);
}

public sealed record PollPageResponse(IReadOnlyList<PollResponse> Items, int Offset, int Limit);

/// <summary>The totals of a poll: counts per option and the number of voters, never a resident's answer.</summary>
/// <param name="Voters">Ballots cast; with multiple choice the option counts may add up to more.</param>
public sealed record PollResultsResponse(string PollId, string Question, string Status, int Voters, IReadOnlyList<OptionResult> Options);

/// <param name="Percent">The share of voters who chose it, in whole percent.</param>
public sealed record OptionResult(string Option, int Count, int Percent);
